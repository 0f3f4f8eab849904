/// What ``GitHubClient/proposePullRequest(_:onto:in:)`` did.
public struct PullRequestProposalOutcome: Sendable, Hashable {
  /// What happened to the proposal branch.
  public enum BranchChange: Sendable, Hashable {
    /// The branch did not exist; it was created at the new commit.
    case created
    /// The branch was moved (forced) from the commit given to the new commit.
    case moved(from: String)
    /// The branch already held a commit with the same files on the same base; nothing was committed.
    case unchanged
  }

  /// What happened to the pull request.
  public enum PullRequestChange: Sendable, Hashable {
    /// None was open from the branch; this one was opened.
    case opened
    /// The open one got a new title, description or base.
    case updated
    /// The open one already had this title, description and base; nothing was written.
    case unchanged
  }

  /// The base branch's head the commit was built on.
  public var base: BranchTip
  /// The commit the proposal branch points to now.
  public var commit: String
  /// What happened to the branch.
  public var branch: BranchChange
  /// The pull request, as GitHub last returned it.
  public var pullRequest: PullRequest
  /// What happened to it.
  public var pullRequestChange: PullRequestChange
  /// Whether a stale note (the pull request was no longer needed) was deleted because it is needed again.
  public var removedStaleNote: Bool
}
