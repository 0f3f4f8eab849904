import Foundation

/// A GitHub token. It never prints: `description`, `debugDescription` and mirrors are redacted.
public struct GitHubToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  /// The secret; only the transport's `Authorization` header and ``maskCommand`` read it.
  let value: String

  /// Wraps `value`, trimmed of surrounding whitespace; `nil` when empty or when it contains a line break
  /// (which would let it inject header lines).
  public init?(_ value: String) {
    let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty, !trimmed.contains(where: \.isNewline) else { return nil }
    self.value = trimmed
  }

  public var description: String { "GitHubToken(redacted)" }

  public var debugDescription: String { description }

  public var customMirror: Mirror { Mirror(self, children: []) }

  /// The GitHub Actions workflow command that masks the token in the job log (print it before anything else).
  public var maskCommand: String { "::add-mask::\(value)" }

  /// `text` with every occurrence of the token replaced by `***`.
  public func redact(_ text: String) -> String {
    text.replacingOccurrences(of: value, with: "***")
  }

  /// The `Authorization` header line.
  var authorizationHeader: String { "Authorization: Bearer \(value)" }
}
