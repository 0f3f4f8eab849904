import CovEngine
import Foundation
import GitHub
import Reporters

/// What `covbot publish` did for each thing it was asked to publish.
struct PublishReport: Sendable {
  /// Something covbot publishes.
  enum Target: String, Sendable, CaseIterable {
    case comment = "PR comment"
    case status = "commit status"
    case checkRun = "check run"
  }

  /// What became of one target.
  enum Outcome: Sendable {
    /// Published (or found up to date); the text says how and where.
    case published(String)
    /// Not attempted, for the reason given (not asked, no pull request, …).
    case skipped(String)
    /// Attempted and failed.
    case failed(GitHubError)
  }

  /// One line per target, in publishing order.
  var entries: [(target: Target, outcome: Outcome)] = []
  /// A failure before any target could be attempted (no token, no repository, unreadable event file).
  var setupFailure: String?

  /// Whether anything that was to be published was not.
  var hasFailures: Bool {
    setupFailure != nil || entries.contains { if case .failed = $0.outcome { true } else { false } }
  }

  /// Whether GitHub refused because the token is read-only (fork pull requests).
  var readOnlyToken: Bool {
    entries.contains { if case .failed(let error) = $0.outcome { error.isReadOnlyToken } else { false } }
  }

  /// The failures, one clause each.
  var failureSummary: String {
    var parts: [String] = []
    if let setupFailure { parts.append(setupFailure) }
    for (target, outcome) in entries {
      if case .failed(let error) = outcome { parts.append("\(target.rawValue): \(error)") }
    }
    return parts.joined(separator: "; ")
  }
}

/// Turns a results document into GitHub publications: thin wiring between Reporters (the texts) and GitHub.
struct Publisher {
  var options: PublishOptions
  var templateDirectory: String?
  var resultsPath: String?
  var environment: [String: String]
  var console: Console

  func publish(_ results: CovResults) async throws -> PublishReport {
    var report = PublishReport()
    let actions = GitHubActionsOutput(environment: environment)
    // Mask first, before anything else this step prints (the runner hides masked values in logs).
    let tokenText = environment[options.tokenEnv] ?? ""
    if actions.isActions, let token = GitHubToken(tokenText) { console.out(token.maskCommand + "\n") }

    let markdown: MarkdownReport
    do {
      markdown = try MarkdownReport(templateDirectory: templateDirectory)
    } catch {
      throw CommandFailure(code: ExitStatus.usage, description: "\(error)")
    }

    let context: GitHubContext
    let client: GitHubClient
    do throws(GitHubError) {
      let repository = try options.repository.map { text throws(GitHubError) in
        try RepositoryID(parsing: text, source: "--repo")
      }
      context = try GitHubContext.fromEnvironment(environment).overriding(
        repository: repository, pullRequest: options.pullRequest, sha: options.sha)
      client = try PublishOptions.client(
        environment: environment, tokenEnv: options.tokenEnv, maxWait: options.maxWait)
    } catch {
      report.setupFailure = "nothing was published: \(error)"
      finish(report, results: results, context: nil)
      return report
    }
    guard let repository = context.repository else {
      report.setupFailure =
        "nothing was published: no repository. Pass --repo OWNER/NAME, or run inside GitHub Actions (GITHUB_REPOSITORY)"
      finish(report, results: results, context: context)
      return report
    }
    let sha = context.headSHA ?? results.commit.flatMap { PublishOptions.isCommitSHA($0) ? $0 : nil }
    let runURL = context.runURL ?? actions.runURL
    let verdict = MarkdownReport.oneLineVerdict(for: results)

    var step = PublishStep { target, outcome in announce(target, outcome) }

    let commentKey = options.commentKey
    try await step.run(
      .comment, notAsked: options.comment == .off ? "--comment off" : nil, to: context.pullRequest,
      otherwise: "not a pull request: pass --pr N, or run on a pull_request event"
    ) { number in
      let body = try render { try markdown.comment(for: results, runURL: runURL, commentKey: commentKey) }
      let outcome = try await client.upsertStickyComment(
        in: repository, issue: number, marker: MarkdownReport.marker(forKey: commentKey), body: body,
        createIfMissing: options.comment == .on || !results.verdict.passed)
      return switch outcome {
      case .created(let found): .published("created on #\(number): \(found.htmlURL)")
      case .updated(let found): .published("updated on #\(number): \(found.htmlURL)")
      case .unchanged(let found): .published("unchanged on #\(number), nothing written: \(found.htmlURL)")
      case .absent: .skipped("--comment on-failure and the gate passed (no earlier comment to update)")
      }
    }

    let noCommit = "no commit: pass --sha, or run inside GitHub Actions"
    try await step.run(.status, notAsked: options.status ? nil : "--no-status", to: sha, otherwise: noCommit) { sha in
      let state: CommitState = results.verdict.passed ? .success : .failure
      _ = try await client.setCommitStatus(
        in: repository, sha: sha, state: state, context: options.statusContext, description: verdict,
        targetURL: runURL)
      return .published("\(options.statusContext) = \(state.rawValue) on \(sha.prefix(12))")
    }

    try await step.run(
      .checkRun, notAsked: options.checkRun ? nil : "not asked (--check-run)", to: sha, otherwise: noCommit
    ) { sha in
      let summary = try render { try markdown.summary(for: results, runURL: runURL) }
      let prefix = options.pathPrefix ?? actions.pathPrefix(moduleDir: results.moduleDir)
      let annotations = AnnotationBuilder.annotations(for: results, pathPrefix: prefix).map(Self.checkAnnotation)
      let publication = CheckRunPublication(
        name: options.checkName, headSHA: sha, conclusion: results.verdict.passed ? .success : .failure,
        title: verdict, summary: summary, annotations: annotations, detailsURL: runURL)
      let outcome = try await client.publishCheckRun(publication, in: repository)
      let link = outcome.checkRun.htmlURL.map { ": \($0)" } ?? ""
      return .published(
        "\(options.checkName) = \(publication.conclusion.rawValue), \(annotations.count) annotations in "
          + "\(outcome.requests) requests\(outcome.truncated ? " (summary truncated)" : "")\(link)")
    }

    report.entries = step.entries
    finish(report, results: results, context: context)
    return report
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
      throw CommandFailure(code: ExitStatus.usage, description: "\(error)")
    }
  }

  private func announce(_ target: PublishReport.Target, _ outcome: PublishReport.Outcome) {
    switch outcome {
    case .published(let text): console.out("covbot: \(target.rawValue) \(text)\n")
    case .skipped(let reason): console.out("covbot: \(target.rawValue) skipped: \(reason)\n")
    case .failed(let error): warn("could not publish the \(target.rawValue): \(error)")
    }
  }

  /// The closing note for failures: why, and that the results are kept for a later publish.
  private func finish(_ report: PublishReport, results: CovResults, context: GitHubContext?) {
    if let setupFailure = report.setupFailure { warn(setupFailure) }
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
    if !options.failOnPublishError { note += " Exiting 0 (pass --fail-on-publish-error to exit 3)." }
    warn(note)
  }

  /// A warning on standard error, and as a workflow command in Actions so it shows on the run page.
  private func warn(_ text: String) {
    console.error("covbot: warning: \(text)")
    if environment["GITHUB_ACTIONS"] == "true" {
      console.out("::warning title=covbot publish::\(WorkflowCommands.escapeData(text))\n")
    }
  }
}
