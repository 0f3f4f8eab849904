import Foundation
import Mustache

/// The Mustache templates reports render from: the bundled set, each overridable by name.
///
/// A template named `comment.md` is the file `comment.md.mustache`; partials are templates too
/// (`{{> verdict.md}}`). The bundled templates are compiled into the binary (``BundledTemplates``),
/// so an installed `covbot` needs no files beside it; `--template-dir DIR` replaces any of them
/// with `DIR/<name>.mustache` and may add new partials.
public struct TemplateLibrary: Sendable {
  /// The file extension of template files, without the dot.
  public static let fileExtension = "mustache"

  /// The content-type directive that turns off swift-mustache's HTML escaping.
  ///
  /// Markdown values are escaped by ``MarkdownText`` instead; without this, `'` would render as
  /// `&#39;`. Partials do not inherit it, so every template needs its own.
  static let textDirective = "{{%CONTENT_TYPE: TEXT}}"

  private let library: MustacheLibrary
  /// Template name → the file it was read from (`nil`: bundled).
  private let files: [String: String?]
  private let directory: String?

  /// The bundled templates, overridden and extended by the `*.mustache` files in `directory`.
  ///
  /// Throws when the directory does not exist or a file is unreadable, is not UTF-8, does not
  /// parse, or includes a partial that exists nowhere.
  public init(directory: String?) throws(TemplateError) {
    var sources: [String: (text: String, file: String?)] = [:]
    for (name, text) in BundledTemplates.all { sources[name] = (text, nil) }
    if let directory {
      for (name, source) in try Self.read(directory: directory) { sources[name] = source }
    }
    var library = MustacheLibrary()
    for (name, source) in sources {
      library.register(try Self.parse(source.text, name: name, file: source.file), named: name)
    }
    for (name, source) in sources {
      for partial in Self.partialNames(in: source.text) where sources[partial] == nil {
        throw TemplateError(
          template: name, file: source.file,
          reason: "includes the partial `\(partial)`, which is neither bundled nor a file \(partial).mustache"
            + (directory.map { " in \($0)" } ?? ""))
      }
    }
    self.library = library
    self.files = sources.mapValues(\.file)
    self.directory = directory
  }

  /// Every template name, sorted.
  public var names: [String] { files.keys.sorted() }

  /// The file a template was read from, or `nil` when it is the bundled one (or does not exist).
  public func file(of name: String) -> String? { files[name] ?? nil }

  /// Renders template `name` with `context` (plain structs with stored properties, dictionaries, arrays).
  public func render(_ context: Any, template name: String) throws(TemplateError) -> String {
    guard let text = library.render(context, withTemplate: name) else {
      throw TemplateError(
        template: name, file: directory.map { "\($0)/\(name).\(Self.fileExtension)" },
        reason: "no such template (known: \(names.joined(separator: ", ")))")
    }
    return text
  }

  // MARK: - Loading

  private static func read(directory: String) throws(TemplateError) -> [String: (text: String, file: String?)] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
      throw TemplateError(template: "", file: directory, reason: "does not exist")
    }
    guard isDirectory.boolValue else {
      throw TemplateError(template: "", file: directory, reason: "is not a directory")
    }
    let relativePaths: [String]
    do {
      relativePaths = try FileManager.default.subpathsOfDirectory(atPath: directory)
    } catch {
      throw TemplateError(template: "", file: directory, reason: "cannot be listed (\(error.localizedDescription))")
    }
    let suffix = "." + fileExtension
    var result: [String: (text: String, file: String?)] = [:]
    for relative in relativePaths.sorted() where relative.hasSuffix(suffix) {
      let name = String(relative.dropLast(suffix.count))
      let path = (directory as NSString).appendingPathComponent(relative)
      guard let data = FileManager.default.contents(atPath: path) else {
        throw TemplateError(template: name, file: path, reason: "cannot be read")
      }
      guard let text = String(data: data, encoding: .utf8) else {
        throw TemplateError(template: name, file: path, reason: "is not valid UTF-8")
      }
      result[name] = (text, path)
    }
    return result
  }

  /// Parses `text`, adding the text content type when the template does not set one itself.
  static func parse(_ text: String, name: String, file: String?) throws(TemplateError) -> MustacheTemplate {
    let addsDirective = !text.contains("{{%CONTENT_TYPE")
    let source = addsDirective ? textDirective + "\n" + text : text
    do {
      return try MustacheTemplate(string: source)
    } catch let error as MustacheTemplate.ParserError {
      let line = error.context.lineNumber - (addsDirective ? 1 : 0)
      throw TemplateError(
        template: name, file: file, line: line, column: error.context.columnNumber,
        reason:
          "syntax error: \(describe(error.error)) near `\(error.context.line.trimmingCharacters(in: .whitespaces))`")
    } catch {
      throw TemplateError(template: name, file: file, reason: "cannot be parsed: \(error)")
    }
  }

  /// The names of the partials `text` includes (`{{> name}}`) or inherits from (`{{< name}}`).
  ///
  /// Only the default delimiters are recognised; dynamic partials (`{{>*name}}`) are resolved at
  /// render time and not checked.
  static func partialNames(in text: String) -> Set<String> {
    var names: Set<String> = []
    var rest = Substring(text)
    while let open = rest.range(of: "{{") {
      rest = rest[open.upperBound...]
      guard let kind = rest.first, kind == ">" || kind == "<" else { continue }
      let afterKind = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
      guard afterKind.first != "*" else { continue }
      let name = afterKind.prefix(while: { partialNameCharacters.contains($0) })
      if !name.isEmpty { names.insert(String(name)) }
    }
    return names
  }

  private static let partialNameCharacters = Set<Character>(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

  private static func describe(_ error: any Error) -> String {
    switch error as? MustacheTemplate.Error {
    case .sectionCloseNameIncorrect?: "a closing tag {{/…}} does not match the section it closes"
    case .unfinishedName?: "a tag is not closed with }} or has an invalid name"
    case .expectedSectionEnd?: "a section {{#…}} is never closed"
    case .invalidSetDelimiter?: "invalid set-delimiter tag"
    case .transformAppliedToInheritanceSection?: "a transform is applied to an inheritance section"
    case .illegalTokenInsideInheritSection?: "illegal tag inside an inherited partial"
    case .textInsideInheritSection?: "text inside an inherited partial"
    case .invalidConfigVariableSyntax?: "invalid {{%…}} configuration tag"
    case .unrecognisedConfigVariable?: "unknown {{%…}} configuration (only CONTENT_TYPE: TEXT or HTML)"
    case nil: "\(error)"
    }
  }
}
