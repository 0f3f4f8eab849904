import CovBotSupport
import Foundation

/// Where a publication goes, as GitHub Actions describes the run in its environment.
///
/// For a `pull_request` event the commit is the pull request's head (`pull_request.head.sha`), not
/// `GITHUB_SHA`, which is the temporary merge commit nobody looks at. A `workflow_run` event supplies the
/// triggering run's head commit. Flags override any of it (``overriding(repository:pullRequest:sha:)``).
public struct GitHubContext: Sendable, Hashable {
  /// The repository (`GITHUB_REPOSITORY`).
  public var repository: RepositoryID?
  /// The event that triggered the workflow (`GITHUB_EVENT_NAME`).
  public var eventName: String?
  /// The pull request number, for pull request events.
  public var pullRequest: Int?
  /// The commit to attach statuses and check runs to.
  public var headSHA: String?
  /// The pull request's base commit.
  public var baseSHA: String?
  /// Whether the pull request comes from a fork (its token is then read-only).
  public var isFork: Bool
  /// The web server (`GITHUB_SERVER_URL`, default `https://github.com`).
  public var serverURL: String
  /// The workflow run's page, when known.
  public var runURL: String?
  /// Whether this runs inside GitHub Actions (`GITHUB_ACTIONS=true`).
  public var isActions: Bool
  /// A pull request's base branch (`GITHUB_BASE_REF`).
  public var baseRef: String?
  /// The repository's default branch, from the event payload.
  public var defaultBranch: String?

  /// Creates a context.
  public init(
    repository: RepositoryID? = nil, eventName: String? = nil, pullRequest: Int? = nil, headSHA: String? = nil,
    baseSHA: String? = nil, isFork: Bool = false, serverURL: String = "https://github.com", runURL: String? = nil,
    isActions: Bool = false
  ) {
    self.repository = repository
    self.eventName = eventName
    self.pullRequest = pullRequest
    self.headSHA = headSHA
    self.baseSHA = baseSHA
    self.isFork = isFork
    self.serverURL = serverURL
    self.runURL = runURL
    self.isActions = isActions
  }

  /// Reads `GITHUB_REPOSITORY`, `GITHUB_EVENT_NAME`, `GITHUB_EVENT_PATH` (the event payload),
  /// `GITHUB_SHA`, `GITHUB_BASE_REF`, `GITHUB_SERVER_URL`, `GITHUB_RUN_ID` and `GITHUB_ACTIONS`.
  ///
  /// A payload that cannot be read is an error naming the file; a missing variable just leaves its field empty.
  public static func fromEnvironment(_ environment: [String: String]) throws(GitHubError) -> GitHubContext {
    try GitHubContext(actions: ActionsEnvironment(environment))
  }

  /// The context the runner's variables describe, with the event payload read.
  public init(actions: ActionsEnvironment) throws(GitHubError) {
    self.init(
      eventName: actions.eventName, headSHA: actions.sha, serverURL: actions.serverURL, runURL: actions.runURL,
      isActions: actions.isActions)
    baseRef = actions.baseRef
    if let repository = actions.repository {
      self.repository = try RepositoryID(parsing: repository, source: "GITHUB_REPOSITORY")
    }
    if let path = actions.eventPath {
      try EventPayload.read(from: path).apply(to: &self)
    }
  }

  /// The context with the flags' values in place of the environment's (`nil` keeps a field).
  public func overriding(repository: RepositoryID?, pullRequest: Int?, sha: String?) -> GitHubContext {
    var copy = self
    if let repository { copy.repository = repository }
    if let pullRequest { copy.pullRequest = pullRequest }
    if let sha { copy.headSHA = sha }
    return copy
  }
}
