import Foundation

/// A pull request proposal failed: which step, GitHub's answer, and what to change so that the next run works.
///
/// GitHub's two known traps get their own advice: a repository that does not let GitHub Actions create pull
/// requests (403 on opening it), and a token that may not write the branch or the pull request.
public struct PullRequestProposalError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The step that failed.
  public enum Step: String, Sendable, Hashable, CaseIterable {
    case prepare = "prepare the proposal"
    case readBase = "read the base branch"
    case pushBranch = "push the proposal branch"
    case findPullRequest = "look for the open pull request"
    case openPullRequest = "open the pull request"
    case updatePullRequest = "update the pull request"
    case noteStale = "comment on the stale pull request"
    case closeStale = "close the stale pull request"
  }

  /// The step that failed.
  public var step: Step
  /// The repository.
  public var repository: RepositoryID
  /// The proposal branch.
  public var branch: String
  /// The base branch, when known.
  public var baseBranch: String?
  /// GitHub's (or the transport's) error.
  public var underlying: GitHubError
  /// The commit the proposal branch points to when the failure came after pushing it.
  public var pushedCommit: String?

  /// Creates an error.
  public init(
    step: Step, repository: RepositoryID, branch: String, baseBranch: String?, underlying: GitHubError,
    pushedCommit: String? = nil
  ) {
    self.step = step
    self.repository = repository
    self.branch = branch
    self.baseBranch = baseBranch
    self.underlying = underlying
    self.pushedCommit = pushedCommit
  }

  /// Whether GitHub refused to open the pull request because the repository (or its organization) does not
  /// allow GitHub Actions to create pull requests.
  public var isActionsPullRequestCreationDisabled: Bool {
    step == .openPullRequest && underlying.status == 403 && underlying.kind == .forbidden
  }

  public var description: String {
    var text = "could not \(step.rawValue) (\(branch)\(baseBranch.map { " → \($0)" } ?? "") in \(repository)): "
    let documentation = underlying.documentationURL.map { " See \($0)" } ?? ""
    if let hint {
      text += Self.withoutAdvice(underlying) + " " + hint
    } else {
      let full = underlying.description
      text += full.hasSuffix(documentation) ? String(full.dropLast(documentation.count)) : full
    }
    if let pushedCommit {
      text +=
        " The branch \(branch) already holds the proposed commit \(pushedCommit.prefix(12)); re-run once this is "
        + "fixed: the branch and the pull request are reused, not duplicated."
    }
    return text + documentation
  }

  /// Advice for the failures whose cause is a repository setting or the token's permissions.
  private var hint: String? {
    if isActionsPullRequestCreationDisabled {
      return """
        The repository does not let GitHub Actions create pull requests: enable Settings → Actions → General → \
        Workflow permissions → "Allow GitHub Actions to create and approve pull requests" (for an organization's \
        repository the organization must allow it first), or run with a GitHub App token or a personal access \
        token (e.g. --token-env COVBOT_RATCHET_TOKEN), which also lets the pull request's checks run.
        """
    }
    switch (underlying.kind, step) {
    case (.readOnlyToken, .pushBranch):
      return """
        The token may not write the repository's contents: give the job `permissions: contents: write` and \
        `pull-requests: write`, or use a GitHub App token or a personal access token with the Contents and Pull \
        requests permissions (e.g. --token-env COVBOT_RATCHET_TOKEN).
        """
    case (.readOnlyToken, _):
      return """
        The token may not write pull requests: give the job `permissions: pull-requests: write` (and \
        `contents: write` to push the branch), or use a GitHub App token or a personal access token with the \
        Pull requests permission (e.g. --token-env COVBOT_RATCHET_TOKEN).
        """
    case (.notFound, .readBase):
      return """
        Name an existing branch to propose into (covbot: --base-branch), and check that the token can see \
        \(repository).
        """
    case (.forbidden, .pushBranch), (.validation, .pushBranch):
      return """
        GitHub refused to write the branch \(branch): a branch protection rule or ruleset may cover it (exclude it, \
        or choose another branch with --branch), or the token lacks the Contents permission.
        """
    default:
      return nil
    }
  }

  /// GitHub's answer without ``GitHubError``'s generic advice (which speaks of publishing, not of proposals).
  private static func withoutAdvice(_ error: GitHubError) -> String {
    var text = ""
    if let request = error.request { text += "\(request): " }
    if let status = error.status { text += "HTTP \(status) " }
    text += error.message.trimmingCharacters(in: .whitespacesAndNewlines)
    if !error.details.isEmpty { text += " (\(error.details.joined(separator: "; ")))" }
    if !text.hasSuffix(".") { text += "." }
    return text
  }
}
