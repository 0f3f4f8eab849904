import CovBotSupport
import CovEngine
import Foundation

/// Writes every requested report and, inside GitHub Actions, the step outputs, job summary and
/// annotations. Shared by `covbot gate` and `covbot report`.
public struct ReportWriter: Sendable {
  /// What to write.
  public var request: ReportRequest
  /// The process environment (`GITHUB_ACTIONS`, `GITHUB_OUTPUT`, …).
  public var environment: [String: String]
  /// The Markdown renderer, its templates loaded once for the whole run.
  public var markdown: MarkdownReport
  /// Where the patch section's files and lines link to, when known (the pull request's head).
  public var links: SourceLinks?

  /// Creates a writer for `request` that renders Markdown with `markdown`, linking changed files with `links`.
  public init(
    request: ReportRequest, environment: [String: String], markdown: MarkdownReport, links: SourceLinks? = nil
  ) {
    self.request = request
    self.environment = environment
    self.markdown = markdown
    self.links = links
  }

  /// Creates a writer for `request`, loading the templates of `request.templateDirectory`.
  ///
  /// Throws ``TemplateError`` when the templates do not load.
  public init(request: ReportRequest, environment: [String: String]) throws {
    try self.init(
      request: request, environment: environment, markdown: MarkdownReport(templateDirectory: request.templateDirectory)
    )
  }

  /// Writes each requested file atomically, then the Actions outputs; workflow commands go to `emit`.
  ///
  /// One failure does not stop the others: every file that can be written is, then a single
  /// ``ReportWriteError`` lists what failed.
  public func write(_ results: CovResults, emit: (String) -> Void) throws {
    var failures: [String] = []
    let actions = GitHubActionsOutput(environment: environment)
    let runURL = actions.runURL

    if let path = request.junitPath {
      record(&failures) { () throws in
        try AtomicFile.write(try JUnitReport(includeGoTests: request.junitTests).render(results), to: path)
      }
    }
    if let path = request.markdownPath {
      record(&failures) { () throws in
        try AtomicFile.write(
          try markdown.comment(for: results, runURL: runURL, commentKey: request.commentKey, links: links), to: path)
      }
    }
    var summary: String?
    if request.summaryPath != nil || actions.isActions {
      record(&failures) { () throws in summary = try markdown.summary(for: results, runURL: runURL, links: links) }
    }
    if let path = request.summaryPath, let summary {
      record(&failures) { () throws in try AtomicFile.write(summary, to: path) }
    }
    if actions.isActions {
      if let summary {
        record(&failures) { () throws in try actions.appendStepSummary(summary) }
      }
      record(&failures) { () throws in try actions.writeOutputs(GitHubActionsOutput.outputs(for: results)) }
      let prefix = actions.pathPrefix(moduleDirectory: results.moduleDirectory)
      for line in WorkflowCommands.lines(for: AnnotationBuilder.annotations(for: results, pathPrefix: prefix)) {
        emit(line)
      }
    }
    if !failures.isEmpty { throw ReportWriteError(failures: failures) }
  }

  private func record(_ failures: inout [String], _ body: () throws -> Void) {
    do { try body() } catch { failures.append("\(error)") }
  }
}

/// One or more reports could not be written (the others were).
public struct ReportWriteError: Error, Sendable, CustomStringConvertible {
  /// One description per report that failed.
  public var failures: [String]

  /// Creates an error listing `failures`.
  public init(failures: [String]) {
    self.failures = failures
  }

  public var description: String {
    failures.count == 1
      ? failures[0] : "\(failures.count) reports failed:\n" + failures.map { "  - \($0)" }.joined(separator: "\n")
  }
}
