import CovEngine

/// A finding pinned to a file, shared by `::error` workflow commands and check-run annotations.
public struct ReportAnnotation: Sendable, Hashable {
  /// How serious the finding is (names follow check-run `annotation_level`).
  public enum Level: String, Sendable {
    case notice, warning, failure
  }

  /// The file, relative to the repository root.
  public var path: String
  /// First line (1-based).
  public var startLine: Int
  /// Last line (1-based).
  public var endLine: Int
  /// How serious the finding is.
  public var level: Level
  /// A short title, e.g. `coverage below floor`.
  public var title: String
  /// The message.
  public var message: String
  /// The package the finding is about.
  public var importPath: String

  /// Creates an annotation.
  public init(
    path: String, startLine: Int = 1, endLine: Int = 1, level: Level, title: String, message: String,
    importPath: String
  ) {
    self.path = path
    self.startLine = startLine
    self.endLine = endLine
    self.level = level
    self.title = title
    self.message = message
    self.importPath = importPath
  }
}
