/// A Markdown template is missing, unreadable or broken.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
  /// The template's name, e.g. `comment.md` (file `comment.md.mustache`); empty for the directory itself.
  public var template: String
  /// The file it came from, or `nil` for a bundled template.
  public var file: String?
  /// The 1-based line and column of a syntax error, when known.
  public var line: Int?
  /// The column of a syntax error, when known.
  public var column: Int?
  /// What is wrong.
  public var reason: String

  /// Creates an error about `template`.
  public init(template: String, file: String? = nil, line: Int? = nil, column: Int? = nil, reason: String) {
    self.template = template
    self.file = file
    self.line = line
    self.column = column
    self.reason = reason
  }

  public var description: String {
    if template.isEmpty {
      return "template directory \(file ?? "(none)"): \(reason). Check the path given to --template-dir."
    }
    var location = file ?? "bundled template \(template)"
    if let line {
      location += ":\(line)"
      if let column { location += ":\(column)" }
    }
    let advice =
      file == nil
      ? "This is a covbot bug: please report it."
      : "Fix the template, or remove it from --template-dir to use the bundled one."
    return "template \(template) (\(location)): \(reason). \(advice)"
  }
}
