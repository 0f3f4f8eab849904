import CovBotSupport
import CovEngine
import Foundation
import GitHub
import Reporters

/// `covbot publish` as a plain-value API: turns a results document into GitHub publications,
/// thin wiring between Reporters (the texts) and GitHub.
public struct PublishRun: Sendable {
  /// What to publish, and where.
  public var settings: PublishSettings
  /// The Markdown renderer, its templates loaded once for the whole run.
  public var markdown: MarkdownReport
  /// The process environment (GitHub Actions' variables, the token's variable).
  public var environment: [String: String]
  /// Where the run prints.
  public var output: RunOutput

  /// Creates a publishing run.
  public init(settings: PublishSettings, markdown: MarkdownReport, environment: [String: String], output: RunOutput) {
    self.settings = settings
    self.markdown = markdown
    self.environment = environment
    self.output = output
  }

  /// Publishes `results`: the sticky comment, the commit status and the check run, as the settings ask.
  ///
  /// Prints what it did (standard output) and what failed (standard error; `::warning` in Actions), and
  /// returns the report. Throws only for usage errors (a template that does not render); publishing
  /// failures are in the report, for ``enforce(_:)``.
  public func run(_ results: CovResults, resultsPath: String? = nil) async throws -> PublishReport {
    var report = PublishReport()
    // The runner's variables, read once for the context, the outputs and the paths.
    let runner = ActionsEnvironment(environment)
    let actions = GitHubActionsOutput(actions: runner)
    // Mask first, before anything else this step prints (the runner hides masked values in logs).
    let tokenText = environment[settings.github.tokenVariable] ?? ""
    if actions.isActions, let token = GitHubToken(tokenText) { output.line(token.maskCommand) }

    let context: GitHubContext
    let client: GitHubClient
    do throws(GitHubError) {
      context = try GitHubContext(actions: runner).overriding(
        repository: try settings.github.repositoryID(), pullRequest: settings.pullRequest, sha: settings.sha)
      client = try settings.github.client(environment: environment)
    } catch {
      report.setupFailure = "nothing was published: \(error)"
      finish(report, results: results, context: nil, resultsPath: resultsPath)
      return report
    }
    guard let repository = context.repository else {
      report.setupFailure =
        "nothing was published: no repository. Pass --repo OWNER/NAME, or run inside GitHub Actions (GITHUB_REPOSITORY)"
      finish(report, results: results, context: context, resultsPath: resultsPath)
      return report
    }
    let sha = context.headSHA ?? results.commit.flatMap { PublishSettings.isCommitSHA($0) ? $0 : nil }
    let runURL = context.runURL
    let verdict = MarkdownReport.oneLineVerdict(for: results)
    // Changed files and lines link to the commit the status and check run describe.
    let links = sha.flatMap {
      SourceLinks(serverURL: context.serverURL, repository: repository.description, commit: $0)
    }

    var step = PublishStep { target, outcome in announce(target, outcome) }

    let commentKey = settings.commentKey
    try await step.run(
      .comment, notAsked: settings.comment == .off ? "--comment off" : nil, to: context.pullRequest,
      otherwise: "not a pull request: pass --pr N, or run on a pull_request event"
    ) { number in
      let body = try render {
        try markdown.comment(for: results, runURL: runURL, commentKey: commentKey, links: links)
      }
      let outcome = try await client.upsertStickyComment(
        in: repository, issue: number, marker: MarkdownReport.marker(forKey: commentKey), body: body,
        createIfMissing: settings.comment == .on || !results.verdict.passed)
      return switch outcome {
      case .created(let found): .published("created on #\(number): \(found.htmlURL)")
      case .updated(let found): .published("updated on #\(number): \(found.htmlURL)")
      case .unchanged(let found): .published("unchanged on #\(number), nothing written: \(found.htmlURL)")
      case .absent: .skipped("--comment on-failure and the gate passed (no earlier comment to update)")
      }
    }

    let noCommit = "no commit: pass --sha, or run inside GitHub Actions"
    try await step.run(.status, notAsked: settings.status ? nil : "--no-status", to: sha, otherwise: noCommit) { sha in
      let state: CommitState = results.verdict.passed ? .success : .failure
      _ = try await client.setCommitStatus(
        in: repository, sha: sha, state: state, context: settings.statusContext, description: verdict,
        targetURL: runURL)
      return .published("\(settings.statusContext) = \(state.rawValue) on \(sha.prefix(12))")
    }

    if let patch = results.patch {
      // A context of its own, like Codecov's `codecov/patch`: branch protection can require one
      // and not the other. It follows the commit status's switch.
      let patchContext = settings.patchStatusContext
      try await step.run(.patchStatus, notAsked: settings.status ? nil : "--no-status", to: sha, otherwise: noCommit) {
        sha in
        let state: CommitState = patch.status == .fail ? .failure : .success
        _ = try await client.setCommitStatus(
          in: repository, sha: sha, state: state, context: patchContext,
          description: PatchText.summary(patch), targetURL: runURL)
        return .published("\(patchContext) = \(state.rawValue) on \(sha.prefix(12))")
      }
    }

    try await step.run(
      .checkRun, notAsked: settings.checkRun ? nil : "not asked (--check-run)", to: sha, otherwise: noCommit
    ) { sha in
      let summary = try render { try markdown.summary(for: results, runURL: runURL, links: links) }
      let prefix = settings.github.pathPrefix ?? actions.pathPrefix(moduleDirectory: results.moduleDirectory)
      // Packages first (they decide most verdicts), then the changed lines no test ran.
      let annotations =
        (AnnotationBuilder.annotations(for: results, pathPrefix: prefix)
        + AnnotationBuilder.patchAnnotations(for: results)).map(Self.checkAnnotation)
      let publication = CheckRunPublication(
        name: settings.checkName, headSHA: sha, conclusion: results.verdict.passed ? .success : .failure,
        title: verdict, summary: summary, annotations: annotations, detailsURL: runURL)
      let outcome = try await client.publishCheckRun(publication, in: repository)
      let link = outcome.checkRun.htmlURL.map { ": \($0)" } ?? ""
      return .published(
        "\(settings.checkName) = \(publication.conclusion.rawValue), \(annotations.count) annotations in "
          + "\(outcome.requests) requests\(outcome.truncated ? " (summary truncated)" : "")\(link)")
    }

    report.entries = step.entries
    finish(report, results: results, context: context, resultsPath: resultsPath)
    return report
  }

  /// Fails (infrastructure) when something could not be published and the settings say to fail on it.
  public func enforce(_ report: PublishReport) throws {
    guard settings.failOnPublishError, report.hasFailures else { return }
    throw RunFailure(
      .infrastructure, "publishing to GitHub failed (--fail-on-publish-error): \(report.failureSummary)")
  }

  private static func checkAnnotation(_ annotation: ReportAnnotation) -> CheckAnnotation {
    let level: CheckAnnotation.Level =
      switch annotation.level {
      case .notice: .notice
      case .warning: .warning
      case .failure: .failure
      }
    return CheckAnnotation(
      path: annotation.path, startLine: annotation.startLine, endLine: annotation.endLine, level: level,
      message: annotation.message, title: annotation.title)
  }

  /// Template failures are configuration errors (exit 2), not publishing failures.
  private func render(_ body: () throws -> String) throws -> String {
    do {
      return try body()
    } catch {
      throw RunFailure(.usage, "\(error)")
    }
  }

  private func announce(_ target: PublishReport.Target, _ outcome: PublishReport.Outcome) {
    switch outcome {
    case .published(let text): output.line("covbot: \(target.rawValue) \(text)")
    case .skipped(let reason): output.line("covbot: \(target.rawValue) skipped: \(reason)")
    case .failed(let error): output.warn("could not publish the \(target.rawValue): \(error)", title: "covbot publish")
    }
  }

  /// The closing note for failures: why, and that the results are kept for a later publish.
  private func finish(
    _ report: PublishReport, results: CovResults, context: GitHubContext?, resultsPath: String?
  ) {
    if let setupFailure = report.setupFailure { output.warn(setupFailure, title: "covbot publish") }
    guard report.hasFailures else { return }
    let file = resultsPath ?? ResultsFile.defaultName
    var note: String
    if report.readOnlyToken {
      let failed = report.entries.compactMap { entry -> String? in
        if case .failed = entry.outcome { entry.target.rawValue } else { nil }
      }
      note =
        "GitHub refused to write the \(failed.joined(separator: ", ")): the token is read-only"
        + (context?.isFork == true ? " (this pull request comes from a fork)" : "")
        + ". The gate's verdict is unchanged and the results stay in \(file). Publish them from a trusted "
        + "`workflow_run` job: `covbot publish --results \(file) --pr \(context?.pullRequest.map(String.init) ?? "N") "
        + "--sha \(context?.headSHA ?? "SHA")`."
    } else {
      note = "The results stay in \(file); re-run `covbot publish --results \(file)` to publish them."
    }
    if !settings.failOnPublishError { note += " Exiting 0 (pass --fail-on-publish-error to exit 3)." }
    output.warn(note, title: "covbot publish")
  }
}
