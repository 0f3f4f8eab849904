import CovEngine
import Foundation
import GitHub
import Reporters

/// `covbot ratchet --propose`: the ratchet plan as one commit on one branch and one pull request, or, with
/// nothing to raise, a note on (or the closing of) the proposal still open.
///
/// The plan is rebased onto the base branch first: each floor file is read at the base head, so a floor that
/// was raised there meanwhile is never lowered and the rest of the file stays the base's.
struct RatchetProposalRun {
  var options: RatchetProposalOptions
  var environment: [String: String]
  var console: Console

  /// Proposes `plan` (measured as `results`); exits 2 on configuration errors and 3 when GitHub failed.
  func run(_ plan: RatchetPlan, results: CovResults) async throws {
    let actions = GitHubActionsOutput(environment: environment)
    // Mask first, before anything else this step prints (the runner hides masked values in logs).
    if actions.isActions, let token = GitHubToken(environment[options.tokenEnv] ?? "") {
      console.out(token.maskCommand + "\n")
    }
    let templates: TemplateLibrary
    do {
      templates = try TemplateLibrary(directory: options.templateDirectory)
    } catch {
      throw CommandFailure(code: ExitStatus.usage, description: "\(error)")
    }
    let (client, repository) = try connect()
    let branch = options.proposalBranch
    let baseBranch = options.baseBranch(environment: environment)
    let prefix = options.repositoryPrefix(moduleDirectory: plan.moduleDirectory, environment: environment)
    guard !plan.changes.isEmpty else {
      console.out(
        "Nothing to ratchet: no floor lags its coverage by more than \(plan.tolerance) points.\n")
      return try await retire(branch: branch, tolerance: plan.tolerance, client: client, repository: repository)
    }
    console.out(RatchetTable.render(plan))

    let base: BranchTip
    let rebased: RatchetPlan
    var leftOut = plan.problems.map { "\($0.importPath): left alone: \($0.reason)" }
    do throws(GitHubError) {
      base = try await client.requireBranchTip(baseBranch, in: repository)
      let (kept, dropped) = try await rebase(plan, onto: base, prefix: prefix, client: client, repository: repository)
      rebased = kept
      leftOut += dropped
      for line in dropped { console.out("covbot: left out \(line)\n") }
    } catch {
      throw Self.failure(
        PullRequestProposalError(
          step: .readBase, repository: repository, branch: branch, baseBranch: baseBranch, underlying: error))
    }
    guard !rebased.changes.isEmpty else {
      console.out("Nothing left to raise on \(baseBranch): its floor files are already at least as high.\n")
      return try await retire(branch: branch, tolerance: plan.tolerance, client: client, repository: repository)
    }

    let text: RatchetProposalText
    do {
      text = try RatchetProposalText(
        plan: rebased, leftOut: leftOut, prefix: prefix, templates: templates, branch: branch, base: base,
        commit: results.commit, runURL: actions.runURL)
    } catch {
      throw CommandFailure(code: ExitStatus.usage, description: "\(error)")
    }
    let proposal = PullRequestProposal(
      branch: branch, baseBranch: baseBranch,
      files: rebased.changes.map { .init(path: Self.repositoryPath(prefix, $0.floorFile), content: $0.newText) },
      commitMessage: RatchetTable.commitMessage(rebased), title: text.title, body: text.body,
      staleNoteMarker: RatchetProposalText.staleMarker)
    let outcome: PullRequestProposalOutcome
    do throws(PullRequestProposalError) {
      outcome = try await client.proposePullRequest(proposal, onto: base, in: repository)
    } catch {
      throw Self.failure(error)
    }
    report(outcome, branch: branch)
    writeOutputs(outcome.pullRequest)
    noteActionsToken(pullRequest: outcome.pullRequest)
  }

  /// Every floor file of `plan` as it is at `base`: changes the base already satisfies are dropped (with the
  /// reason), the others keep the base file's text after the first line.
  private func rebase(
    _ plan: RatchetPlan, onto base: BranchTip, prefix: String, client: GitHubClient, repository: RepositoryID
  ) async throws(GitHubError) -> (RatchetPlan, [String]) {
    var rebased = plan
    rebased.changes = []
    var dropped: [String] = []
    for change in plan.changes {
      let path = Self.repositoryPath(prefix, change.floorFile)
      var updated = change
      if let file = try await client.file(path, ref: base.commit, in: repository) {
        guard let text = file.text else {
          dropped.append("\(change.importPath): \(path) on \(base.branch) is not a UTF-8 text file")
          continue
        }
        let floor: FloorFile
        do {
          floor = try FloorFile.parse(text, path: path)
        } catch {
          dropped.append("\(change.importPath): on \(base.branch): \(error.path):\(error.line ?? 1): \(error.reason)")
          continue
        }
        guard floor.floor < change.newFloor else {
          dropped.append(
            "\(change.importPath): \(base.branch) already has the floor \(floor.floor) (this run: \(change.newFloor))")
          continue
        }
        updated.oldFloor = floor.floor
        updated.oldText = text
        updated.newText = floor.rendered(with: change.newFloor)
      } else {
        updated.oldFloor = nil
        updated.oldText = nil
      }
      rebased.changes.append(updated)
    }
    return (rebased, dropped)
  }

  /// Nothing to raise: the open proposal gets a note once, or is closed with `--close-stale`.
  private func retire(
    branch: String, tolerance: Percent, client: GitHubClient, repository: RepositoryID
  ) async throws {
    let retired: [RetiredProposal]
    do throws(PullRequestProposalError) {
      retired = try await client.retirePullRequestProposal(
        branch: branch, note: RatchetProposalText.staleNote(closing: options.closeStale, tolerance: tolerance),
        marker: RatchetProposalText.staleMarker, close: options.closeStale, in: repository)
    } catch {
      throw Self.failure(error)
    }
    if retired.isEmpty { console.out("covbot: no open pull request from \(branch); nothing to do.\n") }
    for entry in retired {
      let number = entry.pullRequest.number
      switch entry.action {
      case .noted:
        console.out("covbot: commented on #\(number) that it is no longer needed: \(entry.note.htmlURL)\n")
      case .alreadyNoted:
        console.out("covbot: #\(number) already says it is no longer needed; nothing written.\n")
      case .closed:
        console.out("covbot: closed #\(number), no longer needed: \(entry.pullRequest.htmlURL)\n")
      }
    }
    writeOutputs(nil)
  }

  private func report(_ outcome: PullRequestProposalOutcome, branch: String) {
    let base = "\(outcome.base.branch) (\(outcome.base.commit.prefix(12)))"
    let commit = outcome.commit.prefix(12)
    switch outcome.branch {
    case .created: console.out("covbot: pushed \(branch) at \(commit), on top of \(base)\n")
    case .moved(let from):
      console.out("covbot: moved \(branch) from \(from.prefix(12)) to \(commit), on top of \(base)\n")
    case .unchanged: console.out("covbot: \(branch) already holds these floors on top of \(base); nothing committed\n")
    }
    let pullRequest = outcome.pullRequest
    switch outcome.pullRequestChange {
    case .opened: console.out("covbot: opened pull request #\(pullRequest.number): \(pullRequest.htmlURL)\n")
    case .updated: console.out("covbot: updated pull request #\(pullRequest.number): \(pullRequest.htmlURL)\n")
    case .unchanged:
      console.out("covbot: pull request #\(pullRequest.number) is up to date: \(pullRequest.htmlURL)\n")
    }
    if outcome.removedStaleNote {
      console.out("covbot: deleted the note on #\(pullRequest.number) that said it was no longer needed\n")
    }
  }

  /// `pull-request-number` and `pull-request-url` step outputs (empty when no proposal is open).
  private func writeOutputs(_ pullRequest: PullRequest?) {
    let outputs = [
      ("pull-request-number", pullRequest.map { String($0.number) } ?? ""),
      ("pull-request-url", pullRequest?.htmlURL ?? ""),
    ]
    do {
      try GitHubActionsOutput(environment: environment).writeOutputs(outputs)
    } catch {
      console.error("covbot: warning: \(error)")
    }
  }

  /// GitHub starts no workflow for events caused by GitHub Actions' own token: say so, and what to use instead.
  private func noteActionsToken(pullRequest: PullRequest) {
    guard environment["GITHUB_ACTIONS"] == "true", options.tokenEnv == "GITHUB_TOKEN" else { return }
    let note = """
      #\(pullRequest.number) was pushed with the workflow's GITHUB_TOKEN, and GitHub starts no workflows for \
      events that token causes: no checks run on the pull request (required checks wait forever). Use a GitHub App \
      token or a personal access token instead: store it as a secret, pass it to the step as COVBOT_RATCHET_TOKEN \
      and run `covbot ratchet --propose --token-env COVBOT_RATCHET_TOKEN`.
      """
    console.error("covbot: note: \(note)")
    console.out("::notice title=covbot ratchet::\(WorkflowCommands.escapeData(note))\n")
  }

  /// The client and the repository, or exit 2 naming what is missing.
  private func connect() throws -> (GitHubClient, RepositoryID) {
    do throws(GitHubError) {
      let name = options.repository ?? environment["GITHUB_REPOSITORY"].flatMap { $0.isEmpty ? nil : $0 }
      guard let name else {
        throw GitHubError(
          kind: .configuration,
          message: "no repository: pass --repo OWNER/NAME, or run inside GitHub Actions (GITHUB_REPOSITORY)")
      }
      let repository = try RepositoryID(
        parsing: name, source: options.repository == nil ? "GITHUB_REPOSITORY" : "--repo")
      let client = try PublishOptions.client(
        environment: environment, tokenEnv: options.tokenEnv, maxWait: options.maxWait)
      return (client, repository)
    } catch {
      throw CommandFailure(code: ExitStatus.usage, description: "cannot propose the ratchet: \(error)")
    }
  }

  /// A GitHub failure: exit 3 with the step, GitHub's answer and what to change.
  private static func failure(_ error: PullRequestProposalError) -> CommandFailure {
    CommandFailure(code: ExitStatus.infrastructure, description: error.description)
  }

  /// `floorFile` (relative to the module root) relative to the repository root.
  static func repositoryPath(_ prefix: String, _ floorFile: String) -> String {
    prefix.isEmpty ? floorFile : prefix + "/" + floorFile
  }
}
