/// A repository named `OWNER/NAME`.
public struct RepositoryID: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The owner (user or organization).
  public var owner: String
  /// The repository name.
  public var name: String

  /// Creates a repository identifier.
  public init(owner: String, name: String) {
    self.owner = owner
    self.name = name
  }

  /// Parses `OWNER/NAME`; `source` names where the text came from (`--repo`, `GITHUB_REPOSITORY`) in errors.
  public init(parsing text: String, source: String = "repository") throws(GitHubError) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    func valid(_ part: Substring) -> Bool {
      !part.isEmpty && part != "." && part != ".."
        && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }
    guard parts.count == 2, valid(parts[0]), valid(parts[1]) else {
      throw GitHubError(
        kind: .configuration,
        message: "\(source) \"\(text)\" is not OWNER/NAME (letters, digits, '-', '_' and '.' only)")
    }
    self.init(owner: String(parts[0]), name: String(parts[1]))
  }

  /// `OWNER/NAME`.
  public var description: String { "\(owner)/\(name)" }
}
