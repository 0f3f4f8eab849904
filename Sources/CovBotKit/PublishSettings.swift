/// What `covbot publish` (and `covbot gate --publish`) publishes, and where.
public struct PublishSettings: Sendable, Hashable {
  /// When to post the sticky PR comment.
  public enum CommentMode: String, CaseIterable, Sendable {
    /// Always.
    case on
    /// Never.
    case off
    /// When the gate fails; an existing comment is still updated when it passes again.
    case onFailure = "on-failure"
  }

  /// The repository, the token and the limits every GitHub call uses.
  public var github: GitHubTarget
  /// The pull request to comment on (default: from the event).
  public var pullRequest: Int?
  /// The commit for the status and the check run (default: the pull request's head, else `GITHUB_SHA`).
  public var sha: String?
  /// When to post the sticky comment.
  public var comment: CommentMode
  /// Tells apart sticky comments of several covbot runs on one pull request.
  public var commentKey: String
  /// Whether to set a commit status.
  public var status: Bool
  /// The commit status context.
  public var statusContext: String
  /// Whether to publish a check run with annotations.
  public var checkRun: Bool
  /// The check run's name.
  public var checkName: String
  /// Whether a publishing failure fails the run (exit 3) instead of a warning.
  public var failOnPublishError: Bool

  /// Creates settings; the defaults are the command line's.
  public init(
    github: GitHubTarget = GitHubTarget(), pullRequest: Int? = nil, sha: String? = nil, comment: CommentMode = .on,
    commentKey: String = "default", status: Bool = true, statusContext: String = "covbot", checkRun: Bool = false,
    checkName: String = "covbot", failOnPublishError: Bool = false
  ) {
    self.github = github
    self.pullRequest = pullRequest
    self.sha = sha
    self.comment = comment
    self.commentKey = commentKey
    self.status = status
    self.statusContext = statusContext
    self.checkRun = checkRun
    self.checkName = checkName
    self.failOnPublishError = failOnPublishError
  }

  /// The context of the patch coverage status: ``statusContext`` followed by `/patch` (`covbot/patch`).
  public var patchStatusContext: String { statusContext + "/patch" }

  /// Whether `text` is a full commit SHA (SHA-1 or SHA-256).
  public static func isCommitSHA(_ text: String) -> Bool {
    (text.count == 40 || text.count == 64) && text.allSatisfy(\.isHexDigit)
  }
}
