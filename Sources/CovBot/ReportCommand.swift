import ArgumentParser
import CovEngine
import Foundation
import Reporters

/// `covbot report`: render a results file as text, JSON or Markdown, and write the report files.
struct ReportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Render a results file: text, JSON or Markdown on stdout, JUnit XML and Markdown files.",
    discussion: """
      Reads the results `covbot gate` wrote, so gating and reporting can run in different jobs. \
      With --base, adds the threshold diff (coverage and floors vs the base results); --diff \
      prints only that diff. Inside GitHub Actions (GITHUB_ACTIONS=true) also appends the job \
      summary, sets the step outputs and emits annotations. Exits 0 once everything is written, \
      whatever the verdict: `covbot gate` is what fails a build.
      """
  )

  /// What `--format` prints on standard output.
  enum Format: String, CaseIterable, ExpressibleByArgument {
    case text, json, markdown
  }

  @Option(
    name: .customLong("results"),
    help: ArgumentHelp("The results file to read.", valueName: "file"))
  var resultsPath: String = ResultsFile.defaultName

  @OptionGroup var reports: ReportOptions

  @Option(help: "What to print: text (the gate table), json (the results) or markdown (the PR comment).")
  var format: Format = .text

  @Flag(help: "Print only the threshold diff (needs --base, or results written with --base).")
  var diff = false

  func run() async throws {
    let console = Console()
    try reports.preflight()
    var results: CovResults
    do {
      results = try ResultsFile.read(from: resultsPath)
    } catch {
      throw CommandFailure(code: ExitStatus.usage, description: "\(error)")
    }
    try reports.applyBase(to: &results)
    // Only the text table is fenced against workflow commands: JSON and Markdown are for files.
    let rendered = try render(results, style: console.outStyle)
    if format == .text { console.outUntrusted(rendered) } else { console.out(rendered) }
    // Workflow commands must not interleave with JSON or Markdown a caller captures from stdout.
    if format == .text {
      try reports.writeReports(for: results)
    } else {
      try reports.writeReports(for: results) { console.error($0) }
    }
  }

  /// The text printed on standard output.
  func render(_ results: CovResults, style: TerminalStyle) throws -> String {
    if diff {
      guard let thresholdDiff = results.diff else {
        throw CommandFailure(
          code: ExitStatus.usage,
          description:
            "--diff: \(resultsPath) holds no threshold diff. Pass --base FILE with the base branch's results.")
      }
      switch format {
      case .text: return ThresholdDiffText.render(thresholdDiff, style: style)
      case .json: return try Self.json(thresholdDiff)
      case .markdown: return try markdown().thresholdDiff(for: results)
      }
    }
    switch format {
    case .text:
      return TerminalTable.render(results, style: style)
    case .json:
      do {
        return String(decoding: try ResultsFile.encode(results), as: UTF8.self)
      } catch {
        throw CommandFailure(code: ExitStatus.usage, description: "cannot encode the results as JSON: \(error)")
      }
    case .markdown:
      let runURL = GitHubActionsOutput(environment: ProcessInfo.processInfo.environment).runURL
      return try markdown().comment(for: results, runURL: runURL, commentKey: MarkdownReport.defaultCommentKey)
    }
  }

  private func markdown() throws -> MarkdownReport {
    do {
      return try MarkdownReport(templateDirectory: reports.templateDirectory)
    } catch {
      throw CommandFailure(code: ExitStatus.usage, description: "\(error)")
    }
  }

  private static func json(_ diff: ThresholdDiff) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      return String(decoding: try encoder.encode(diff), as: UTF8.self) + "\n"
    } catch {
      throw CommandFailure(code: ExitStatus.usage, description: "cannot encode the threshold diff as JSON: \(error)")
    }
  }
}
