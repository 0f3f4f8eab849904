import Foundation

/// Proposing a change as one branch and one pull request, updated in place run after run.
extension GitHubClient {
  /// Puts `proposal`'s files in one commit on top of the base branch's current head and keeps one pull request
  /// from the proposal branch open with `proposal`'s title and description.
  ///
  /// The requests, in order: the base branch's reference and commit (skipped when `base` is given); one blob per
  /// file; a tree on the base commit's tree (`base_tree` always sent, so every other file stays the base's); the
  /// proposal branch's reference and, when it exists, its commit; the commit (parent: the base head); the branch
  /// created, or moved with `force` (so it follows the base branch when that moved); the open pull requests from
  /// the branch; then the pull request opened, or updated when its title, description or base differ.
  ///
  /// When the branch already holds a commit with the same tree on the same base head, no commit is created and
  /// the branch is not touched: a run that finds nothing new writes only the (content-addressed, so harmless)
  /// blobs and tree. When the pull request was open, a stale note left by
  /// ``retirePullRequestProposal(branch:note:marker:close:in:)`` is deleted: the pull request is needed again.
  ///
  /// Creates are never blindly repeated: the client re-reads the branch and the open pull requests first, and a
  /// branch created concurrently is moved instead.
  public func proposePullRequest(
    _ proposal: PullRequestProposal, onto base: BranchTip? = nil, in repository: RepositoryID
  ) async throws(PullRequestProposalError) -> PullRequestProposalOutcome {
    func failure(
      _ step: PullRequestProposalError.Step, _ error: GitHubError, pushed: String? = nil
    ) -> PullRequestProposalError {
      PullRequestProposalError(
        step: step, repository: repository, branch: proposal.branch, baseBranch: proposal.baseBranch,
        underlying: error, pushedCommit: pushed)
    }
    do throws(GitHubError) {
      try proposal.validate()
    } catch {
      throw failure(.prepare, error)
    }

    let tip: BranchTip
    do throws(GitHubError) {
      if let base {
        tip = base
      } else {
        tip = try await requireBranchTip(proposal.baseBranch, in: repository)
      }
    } catch {
      throw failure(.readBase, error)
    }

    let commit: String
    let branchChange: PullRequestProposalOutcome.BranchChange
    do throws(GitHubError) {
      (commit, branchChange) = try await pushProposalCommit(proposal, onto: tip, in: repository)
    } catch {
      throw failure(.pushBranch, error)
    }

    let open: [PullRequest]
    do throws(GitHubError) {
      open = try await pullRequests(in: repository, state: .open, head: "\(repository.owner):\(proposal.branch)")
    } catch {
      throw failure(.findPullRequest, error, pushed: commit)
    }
    guard let existing = open.first(where: { $0.base.ref == proposal.baseBranch }) ?? open.first else {
      do throws(GitHubError) {
        let opened = try await createPullRequest(
          in: repository, title: proposal.title, head: proposal.branch, base: proposal.baseBranch,
          body: proposal.body)
        return PullRequestProposalOutcome(
          base: tip, commit: commit, branch: branchChange, pullRequest: opened, pullRequestChange: .opened,
          removedStaleNote: false)
      } catch {
        throw failure(.openPullRequest, error, pushed: commit)
      }
    }

    do throws(GitHubError) {
      var pullRequest = existing
      var change = PullRequestProposalOutcome.PullRequestChange.unchanged
      let baseMoved = existing.base.ref != proposal.baseBranch
      if existing.title != proposal.title || baseMoved
        || Self.normalized(existing.body ?? "") != Self.normalized(proposal.body)
      {
        pullRequest = try await updatePullRequest(
          existing.number, in: repository, title: proposal.title, body: proposal.body,
          base: baseMoved ? proposal.baseBranch : nil)
        change = .updated
      }
      var removedStaleNote = false
      if let marker = proposal.staleNoteMarker, !marker.isEmpty,
        let note = try await firstIssueComment(
          in: repository, issue: existing.number, where: { $0.body?.contains(marker) == true })
      {
        try await deleteIssueComment(note.id, in: repository)
        removedStaleNote = true
      }
      return PullRequestProposalOutcome(
        base: tip, commit: commit, branch: branchChange, pullRequest: pullRequest, pullRequestChange: change,
        removedStaleNote: removedStaleNote)
    } catch {
      throw failure(.updatePullRequest, error, pushed: commit)
    }
  }

  /// Handles a proposal that is no longer needed: every open pull request from `branch` gets `note` (a comment
  /// carrying the hidden `marker`, posted once and refreshed in place, never repeated), and is closed when
  /// `close` is set. The branch itself is left alone (the next proposal resets it).
  ///
  /// Returns what was done to each open pull request; empty when none was open.
  public func retirePullRequestProposal(
    branch: String, note: String, marker: String, close: Bool, in repository: RepositoryID
  ) async throws(PullRequestProposalError) -> [RetiredProposal] {
    func failure(_ step: PullRequestProposalError.Step, _ error: GitHubError) -> PullRequestProposalError {
      PullRequestProposalError(step: step, repository: repository, branch: branch, baseBranch: nil, underlying: error)
    }
    let open: [PullRequest]
    do throws(GitHubError) {
      open = try await pullRequests(in: repository, state: .open, head: "\(repository.owner):\(branch)")
    } catch {
      throw failure(.findPullRequest, error)
    }
    var retired: [RetiredProposal] = []
    for pullRequest in open {
      let outcome: StickyCommentOutcome
      do throws(GitHubError) {
        outcome = try await upsertStickyComment(in: repository, issue: pullRequest.number, marker: marker, body: note)
      } catch {
        throw failure(.noteStale, error)
      }
      guard let comment = outcome.comment else { continue }
      if close {
        do throws(GitHubError) {
          let closed = try await updatePullRequest(pullRequest.number, in: repository, state: .closed)
          retired.append(RetiredProposal(pullRequest: closed, action: .closed, note: comment))
        } catch {
          throw failure(.closeStale, error)
        }
      } else {
        let isNew = if case .created = outcome { true } else { false }
        retired.append(RetiredProposal(pullRequest: pullRequest, action: isNew ? .noted : .alreadyNoted, note: comment))
      }
    }
    return retired
  }

  /// Blobs, tree, commit and branch; returns the commit the branch points to and what happened to the branch.
  private func pushProposalCommit(
    _ proposal: PullRequestProposal, onto base: BranchTip, in repository: RepositoryID
  ) async throws(GitHubError) -> (String, PullRequestProposalOutcome.BranchChange) {
    var entries: [GitTreeEntry] = []
    for file in proposal.files.sorted(by: { $0.path < $1.path }) {
      let blob = try await createBlob(Data(file.content.utf8), in: repository)
      entries.append(.blob(file.path, sha: blob.sha))
    }
    let tree = try await createTree(entries, baseTree: base.tree, in: repository)
    let ref = "heads/" + proposal.branch
    let existing = try await reference(ref, in: repository)
    if let existing {
      let current = try await commit(existing.object.sha, in: repository)
      if current.tree.sha == tree.sha && current.parents.map(\.sha) == [base.commit] {
        return (current.sha, .unchanged)
      }
    }
    let commit = try await createCommit(
      message: proposal.commitMessage, tree: tree.sha, parents: [base.commit], in: repository)
    if let existing {
      _ = try await updateReference(ref, sha: commit.sha, force: true, in: repository)
      return (commit.sha, .moved(from: existing.object.sha))
    }
    do {
      _ = try await createReference("refs/" + ref, sha: commit.sha, in: repository)
      return (commit.sha, .created)
    } catch  where error.kind == .validation {
      // Created by someone else since it was read: move it like any existing branch.
      guard let raced = try await reference(ref, in: repository) else { throw error }
      _ = try await updateReference(ref, sha: commit.sha, force: true, in: repository)
      return (commit.sha, .moved(from: raced.object.sha))
    }
  }
}
