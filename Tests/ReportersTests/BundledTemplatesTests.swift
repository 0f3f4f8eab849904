import Foundation
import Testing

@testable import Reporters

/// `Sources/Reporters/BundledTemplates.swift` must hold exactly what `templates/` holds.
///
/// After editing a template, regenerate with
/// `COVBOT_UPDATE_TEMPLATES=1 swift test --filter BundledTemplatesTests`.
@Suite struct BundledTemplatesTests {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let templatesDirectory = repositoryRoot.appendingPathComponent("templates")
  static let generatedFile = repositoryRoot.appendingPathComponent("Sources/Reporters/BundledTemplates.swift")

  @Test func generatedSourceMatchesTemplatesDirectory() throws {
    let expected = try Self.generatedSource(from: Self.templateFiles())
    if ProcessInfo.processInfo.environment["COVBOT_UPDATE_TEMPLATES"] == "1" {
      try Data(expected.utf8).write(to: Self.generatedFile, options: .atomic)
    }
    let actual = try String(contentsOf: Self.generatedFile, encoding: .utf8)
    #expect(
      actual == expected,
      "BundledTemplates.swift is out of date: run COVBOT_UPDATE_TEMPLATES=1 swift test --filter BundledTemplatesTests")
  }

  @Test func compiledInTemplatesEqualTheFiles() throws {
    let files = try Self.templateFiles()
    #expect(!files.isEmpty)
    #expect(BundledTemplates.all == files)
  }

  @Test func everyTemplateAndPartialTurnsOffHTMLEscaping() throws {
    for (name, text) in try Self.templateFiles() {
      #expect(text.hasPrefix(TemplateLibrary.textDirective + "\n"), "\(name).mustache must start with the directive")
    }
  }

  @Test func theTemplatesReportsNeedAreBundled() {
    for name in [MarkdownReport.commentTemplate, MarkdownReport.summaryTemplate, MarkdownReport.thresholdDiffTemplate] {
      #expect(BundledTemplates.all[name] != nil, "\(name) missing")
    }
  }

  /// Template name → text of every `templates/*.mustache`.
  static func templateFiles() throws -> [String: String] {
    let names = try FileManager.default.contentsOfDirectory(atPath: templatesDirectory.path)
      .filter { $0.hasSuffix(".mustache") }
    var result: [String: String] = [:]
    for file in names {
      let text = try String(contentsOf: templatesDirectory.appendingPathComponent(file), encoding: .utf8)
      result[String(file.dropLast(".mustache".count))] = text
    }
    return result
  }

  /// The Swift source embedding `templates`, one raw multi-line string literal each, indented
  /// as swift-format indents it (so formatting the file does not make it stale).
  static func generatedSource(from templates: [String: String]) throws -> String {
    var source = """
      // Generated from templates/*.mustache by Tests/ReportersTests/BundledTemplatesTests.swift. Do not edit:
      // change the template, then run `COVBOT_UPDATE_TEMPLATES=1 swift test --filter BundledTemplatesTests`.

      /// The templates in `templates/`, compiled in so an installed binary needs no files beside it.
      enum BundledTemplates {
        /// Template name (file name without `.mustache`) → template text.
        static let all: [String: String] = [

      """
    for name in templates.keys.sorted() {
      let text = templates[name]!
      var hashes = "#"
      while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
      source += "    \"\(name)\": \(hashes)\"\"\"\n"
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      if text.hasSuffix("\n") { lines.removeLast() }
      for line in lines {
        source += line.isEmpty ? "\n" : "    \(line)\n"
      }
      // The blank line keeps the file's final newline: a multi-line literal drops the last one.
      source += (text.hasSuffix("\n") ? "\n" : "") + "    \"\"\"\(hashes),\n"
    }
    source += "  ]\n}\n"
    return source
  }
}
