/// What ``GitHubClient/retirePullRequestProposal(branch:note:marker:close:in:)`` did to one open pull request.
public struct RetiredProposal: Sendable, Hashable {
  /// What was done.
  public enum Action: Sendable, Hashable {
    /// The note was posted.
    case noted
    /// The note was already there (its text refreshed when it changed): nothing new was posted.
    case alreadyNoted
    /// The note was posted or refreshed and the pull request closed.
    case closed
  }

  /// The pull request.
  public var pullRequest: PullRequest
  /// What was done.
  public var action: Action
  /// The note.
  public var note: IssueComment
}
