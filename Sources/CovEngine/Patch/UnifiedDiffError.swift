/// A unified diff could not be parsed: the line, what is wrong, and what to do.
public struct UnifiedDiffError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The 1-based line of the diff where the problem was found.
  public var line: Int
  /// What is wrong, in a sentence.
  public var reason: String

  /// Creates an error for `line`.
  public init(line: Int, reason: String) {
    self.line = line
    self.reason = reason
  }

  public var description: String {
    "diff line \(line): \(reason). Pass the unmodified output of `git diff` (or a pull request's diff); "
      + "a truncated or hand-edited diff cannot be trusted for patch coverage."
  }
}
