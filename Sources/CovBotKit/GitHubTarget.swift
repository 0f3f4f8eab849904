import CovEngine
import GitHub

/// The repository, the token and the limits of every GitHub call: shared by publishing and the
/// ratchet's pull requests, so both read and check them the same way.
public struct GitHubTarget: Sendable, Hashable {
  /// `--repo OWNER/NAME` (default: `GITHUB_REPOSITORY`).
  public var repository: String?
  /// The environment variable holding the token.
  public var tokenVariable: String
  /// The longest wait for a rate limit to reset, in seconds.
  public var maxWait: Int
  /// The module root relative to the repository root, for annotation and file paths
  /// (default: from `GITHUB_WORKSPACE`).
  public var pathPrefix: String?

  /// Creates a target; the defaults are the command line's.
  public init(
    repository: String? = nil, tokenVariable: String = "GITHUB_TOKEN", maxWait: Int = 300, pathPrefix: String? = nil
  ) {
    self.repository = repository
    self.tokenVariable = tokenVariable
    self.maxWait = maxWait
    self.pathPrefix = pathPrefix
  }

  /// The problem with these values, if any, as a sentence naming the flag.
  public var problem: String? {
    if let repository {
      do throws(GitHubError) {
        _ = try RepositoryID(parsing: repository, source: "--repo")
      } catch {
        return error.message
      }
    }
    if !Self.isVariableName(tokenVariable) {
      return "--token-env \"\(tokenVariable)\" is not an environment variable name"
    }
    if maxWait < 0 { return "--max-wait must not be negative" }
    if maxWait > Self.longestWait {
      return "--max-wait \(maxWait) is more than a week (\(Self.longestWait) seconds); no CI job waits that long"
    }
    if let pathPrefix, Self.normalizedPrefix(pathPrefix) == nil {
      return "--path-prefix \"\(pathPrefix)\" must be a relative path inside the repository"
    }
    return nil
  }

  /// `--repo` parsed, or `nil` when not given.
  public func repositoryID() throws(GitHubError) -> RepositoryID? {
    try repository.map { text throws(GitHubError) in try RepositoryID(parsing: text, source: "--repo") }
  }

  /// A client for the API named in `environment` (`GITHUB_API_URL`) with the token from ``tokenVariable``.
  public func client(environment: [String: String]) throws(GitHubError) -> GitHubClient {
    GitHubClient(
      configuration: try .fromEnvironment(
        environment, tokenVariable: tokenVariable, userAgent: "covbot/\(CovBotVersion.current)",
        retry: RetryPolicy(maxWait: .seconds(maxWait))))
  }

  /// The longest `--max-wait`, in seconds: ``RetryPolicy/longestDelay``.
  public static let longestWait = Int(RetryPolicy.longestDelay.components.seconds)

  /// Whether `name` can name an environment variable (`--token-env`).
  public static func isVariableName(_ name: String) -> Bool {
    name.first.map { $0 == "_" || $0.isLetter } == true
      && name.allSatisfy { $0.isASCII && ($0 == "_" || $0.isLetter || $0.isNumber) }
  }

  /// `a/b` from `./a/b/`; `""` for `.`; `nil` for absolute paths and paths that leave the repository.
  public static func normalizedPrefix(_ text: String) -> String? {
    guard !text.hasPrefix("/") else { return nil }
    let parts = text.split(separator: "/").filter { $0 != "." }
    guard !parts.contains("..") else { return nil }
    return parts.joined(separator: "/")
  }
}
