import CovBotSupport
import CovEngine
import Foundation
import GitHub
import Reporters

/// `covbot ratchet --propose`: the ratchet plan as one commit on one branch and one pull request, or, with
/// nothing to raise, a note on (or the closing of) the proposal still open.
///
/// The plan is rebased onto the base branch first: each floor file is read at the base head, so a floor that
/// was raised there meanwhile is never lowered and the rest of the file stays the base's.
public struct RatchetProposalRun: Sendable {
  /// Where the pull request goes.
  public var settings: RatchetProposalSettings
  /// The process environment (GitHub Actions' variables, the token's variable).
  public var environment: [String: String]
  /// Where the run prints.
  public var output: RunOutput

  /// Creates a proposal run.
  public init(settings: RatchetProposalSettings, environment: [String: String], output: RunOutput) {
    self.settings = settings
    self.environment = environment
    self.output = output
  }

  /// Proposes `plan` (measured as `results`); throws a usage ``RunFailure`` on configuration errors
  /// and an infrastructure one when GitHub failed.
  public func run(_ plan: RatchetPlan, results: CovResults) async throws {
    // The runner's variables, read once for the context, the outputs and the paths.
    let runner = ActionsEnvironment(environment)
    let actions = GitHubActionsOutput(actions: runner)
    // Mask first, before anything else this step prints (the runner hides masked values in logs).
    if actions.isActions, let token = GitHubToken(environment[settings.github.tokenVariable] ?? "") {
      output.line(token.maskCommand)
    }
    let templates: TemplateLibrary
    do {
      templates = try TemplateLibrary(directory: settings.templateDirectory)
    } catch {
      throw RunFailure(.usage, "\(error)")
    }
    let (client, repository, context) = try connect(runner)
    let branch = settings.branch
    let baseBranch = settings.resolvedBaseBranch(context: context)
    let prefix = settings.repositoryPrefix(moduleDirectory: plan.moduleDirectory, actions: runner)
    guard !plan.changes.isEmpty else {
      output.line(
        "Nothing to ratchet: no floor lags its coverage by more than \(plan.tolerance) points.")
      return try await retire(branch: branch, tolerance: plan.tolerance, client: client, repository: repository)
    }
    output.untrusted(RatchetTable.render(plan))

    let base: BranchTip
    let rebased: RatchetPlan
    var leftOut = plan.problems.map { "\($0.importPath): left alone: \($0.reason)" }
    do throws(GitHubError) {
      base = try await client.requireBranchTip(baseBranch, in: repository)
      let (kept, dropped) = try await rebase(plan, onto: base, prefix: prefix, client: client, repository: repository)
      rebased = kept
      leftOut += dropped
      for line in dropped { output.line("covbot: left out \(line)") }
    } catch {
      throw Self.failure(
        PullRequestProposalError(
          step: .readBase, repository: repository, branch: branch, baseBranch: baseBranch, underlying: error))
    }
    guard !rebased.changes.isEmpty else {
      output.line("Nothing left to raise on \(baseBranch): its floor files are already at least as high.")
      return try await retire(branch: branch, tolerance: plan.tolerance, client: client, repository: repository)
    }

    let text: RatchetProposalText
    do {
      text = try RatchetProposalText(
        plan: rebased, leftOut: leftOut, prefix: prefix, templates: templates, branch: branch, base: base,
        commit: results.commit, runURL: actions.runURL)
    } catch {
      throw RunFailure(.usage, "\(error)")
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
        branch: branch, note: RatchetProposalText.staleNote(closing: settings.closeStale, tolerance: tolerance),
        marker: RatchetProposalText.staleMarker, close: settings.closeStale, in: repository)
    } catch {
      throw Self.failure(error)
    }
    if retired.isEmpty { output.line("covbot: no open pull request from \(branch); nothing to do.") }
    for entry in retired {
      let number = entry.pullRequest.number
      switch entry.action {
      case .noted:
        output.line("covbot: commented on #\(number) that it is no longer needed: \(entry.note.htmlURL)")
      case .alreadyNoted:
        output.line("covbot: #\(number) already says it is no longer needed; nothing written.")
      case .closed:
        output.line("covbot: closed #\(number), no longer needed: \(entry.pullRequest.htmlURL)")
      }
    }
    writeOutputs(nil)
  }

  private func report(_ outcome: PullRequestProposalOutcome, branch: String) {
    let base = "\(outcome.base.branch) (\(outcome.base.commit.prefix(12)))"
    let commit = outcome.commit.prefix(12)
    switch outcome.branch {
    case .created: output.line("covbot: pushed \(branch) at \(commit), on top of \(base)")
    case .moved(let from):
      output.line("covbot: moved \(branch) from \(from.prefix(12)) to \(commit), on top of \(base)")
    case .unchanged: output.line("covbot: \(branch) already holds these floors on top of \(base); nothing committed")
    }
    let pullRequest = outcome.pullRequest
    switch outcome.pullRequestChange {
    case .opened: output.line("covbot: opened pull request #\(pullRequest.number): \(pullRequest.htmlURL)")
    case .updated: output.line("covbot: updated pull request #\(pullRequest.number): \(pullRequest.htmlURL)")
    case .unchanged:
      output.line("covbot: pull request #\(pullRequest.number) is up to date: \(pullRequest.htmlURL)")
    }
    if outcome.removedStaleNote {
      output.line("covbot: deleted the note on #\(pullRequest.number) that said it was no longer needed")
    }
  }

  /// `pull-request-number` and `pull-request-url` step outputs (empty when no proposal is open).
  private func writeOutputs(_ pullRequest: PullRequest?) {
    let outputs = [
      ("pull-request-number", pullRequest.map { String($0.number) } ?? ""),
      ("pull-request-url", pullRequest?.htmlURL ?? ""),
    ]
    do {
      try GitHubActionsOutput(actions: ActionsEnvironment(environment)).writeOutputs(outputs)
    } catch {
      output.errorLine("covbot: warning: \(error)")
    }
  }

  /// GitHub starts no workflow for events caused by GitHub Actions' own token: say so, and what to use instead.
  private func noteActionsToken(pullRequest: PullRequest) {
    guard output.inActions, settings.github.tokenVariable == "GITHUB_TOKEN" else { return }
    let note = """
      #\(pullRequest.number) was pushed with the workflow's GITHUB_TOKEN, and GitHub starts no workflows for \
      events that token causes: no checks run on the pull request (required checks wait forever). Use a GitHub App \
      token or a personal access token instead: store it as a secret, pass it to the step as COVBOT_RATCHET_TOKEN \
      and run `covbot ratchet --propose --token-env COVBOT_RATCHET_TOKEN`.
      """
    output.errorLine("covbot: note: \(note)")
    output.line("::notice title=covbot ratchet::\(WorkflowCommands.escapeData(note))")
  }

  /// The client, the repository and the run's context, or a usage failure naming what is missing.
  private func connect(_ runner: ActionsEnvironment) throws -> (GitHubClient, RepositoryID, GitHubContext) {
    do throws(GitHubError) {
      let context = try GitHubContext(actions: runner).overriding(
        repository: try settings.github.repositoryID(), pullRequest: nil, sha: nil)
      guard let repository = context.repository else {
        throw GitHubError(
          kind: .configuration,
          message: "no repository: pass --repo OWNER/NAME, or run inside GitHub Actions (GITHUB_REPOSITORY)")
      }
      return (try settings.github.client(environment: environment), repository, context)
    } catch {
      throw RunFailure(.usage, "cannot propose the ratchet: \(error)")
    }
  }

  /// A GitHub failure: the step, GitHub's answer and what to change.
  private static func failure(_ error: PullRequestProposalError) -> RunFailure {
    RunFailure(.infrastructure, error.description)
  }

  /// `floorFile` (relative to the module root) relative to the repository root.
  static func repositoryPath(_ prefix: String, _ floorFile: String) -> String {
    prefix.isEmpty ? floorFile : prefix + "/" + floorFile
  }
}
