import ArgumentParser
import CovBotKit
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

  @Option(
    name: .customLong("results"),
    help: ArgumentHelp("The results file to read.", valueName: "file"))
  var resultsPath: String = ResultsFile.defaultName

  @OptionGroup var reports: ReportOptions

  @Option(help: "What to print: text (the gate table), json (the results) or markdown (the PR comment).")
  var format: ReportRun.Format = .text

  @Flag(
    help:
      "Print only what changed: the threshold diff (needs --base, or results written with --base) and patch coverage.")
  var diff = false

  @Flag(help: "With patch coverage in the results: print the changed lines no test ran, per file.")
  var showUncovered = false

  func run() async throws {
    let console = Console()
    let reportRun = try reports.run()
    let results: CovResults
    do {
      results = reportRun.compare(try ResultsFile.read(from: resultsPath))
    } catch {
      throw RunFailure(.usage, "\(error)")
    }
    let rendered = try reportRun.render(
      results, format: format, diffOnly: diff, style: console.outStyle, source: resultsPath,
      showUncovered: showUncovered)
    // Only the text table is fenced against workflow commands, and only then do workflow commands
    // go to stdout: JSON and Markdown are for files a caller captures.
    if format == .text {
      console.outUntrusted(rendered)
      try reportRun.write(results) { console.out($0 + "\n") }
    } else {
      console.out(rendered)
      try reportRun.write(results) { console.error($0) }
    }
  }
}

extension ReportRun.Format: ExpressibleByArgument {}
