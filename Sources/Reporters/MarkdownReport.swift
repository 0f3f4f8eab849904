import CovEngine

/// Renders the PR comment and job summary from Mustache templates.
public struct MarkdownReport: Sendable {
  /// Loads the bundled templates, overridden by any in `templateDirectory`.
  public init(templateDirectory: String?) throws {}

  /// The hidden marker line that identifies the sticky comment for `key`.
  public static func marker(forKey key: String) -> String {
    "<!-- covbot:comment key=\(key) -->"
  }

  /// The PR comment (under 65,536 characters), with the marker line for `commentKey`.
  public func comment(for results: CovResults, runURL: String?, commentKey: String) throws -> String {
    Self.marker(forKey: commentKey)  // TODO(reporters): implement
  }

  /// The job summary (under 1 MiB).
  public func summary(for results: CovResults, runURL: String?) throws -> String {
    ""  // TODO(reporters): implement
  }

  /// A one-line verdict, e.g. `FAIL: 2 of 14 packages below floor; total 81.3%`.
  public static func oneLineVerdict(for results: CovResults) -> String {
    results.verdict.passed ? "PASS" : "FAIL"  // TODO(reporters): implement
  }
}
