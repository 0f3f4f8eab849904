import ArgumentParser
import CovEngine
import Foundation
import Reporters

/// The report flags `covbot gate` and `covbot report` share: one command can gate and write every report.
struct ReportOptions: ParsableArguments {
  @Option(
    name: .customLong("junit"), help: ArgumentHelp("Write JUnit XML (one test case per package).", valueName: "file"))
  var junitPath: String?

  @Flag(name: .customLong("junit-tests"), help: "Add one JUnit test suite per Go package holding its go tests.")
  var junitTests = false

  @Option(
    name: .customLong("markdown"), help: ArgumentHelp("Write the PR comment (Markdown) to a file.", valueName: "file"))
  var markdownPath: String?

  @Option(
    name: .customLong("summary"), help: ArgumentHelp("Write the job summary (Markdown) to a file.", valueName: "file"))
  var summaryPath: String?

  @Option(
    name: .customLong("template-dir"),
    help: ArgumentHelp(
      "Mustache templates overriding the bundled ones by name (comment.md.mustache, summary.md.mustache, partials).",
      valueName: "dir"))
  var templateDirectory: String?

  @Option(
    name: .customLong("base"),
    help: ArgumentHelp(
      "The base branch's results file: adds the threshold diff (coverage and floors).", valueName: "file"))
  var basePath: String?

  @Option(
    name: .customLong("max-drop"), parsing: .unconditional,
    help: ArgumentHelp(
      "With --base: fail a package whose coverage fell by more than this many points.", valueName: "points"))
  var maxDrop: Percent?

  func validate() throws {
    if maxDrop != nil && basePath == nil {
      throw ValidationError("--max-drop needs --base FILE: the drop is measured against the base results.")
    }
    if let maxDrop, maxDrop < Percent(units: 0, scale: 0) {
      throw ValidationError("--max-drop must not be negative (got \(maxDrop)).")
    }
    if junitTests && junitPath == nil {
      throw ValidationError("--junit-tests adds to the JUnit report: pass --junit FILE as well.")
    }
  }

  /// The request the Reporters module carries out.
  var request: ReportRequest {
    ReportRequest(
      junitPath: junitPath, junitTests: junitTests, markdownPath: markdownPath, summaryPath: summaryPath,
      templateDirectory: templateDirectory)
  }

  /// Checks the inputs that can be checked before a long measurement: the template directory
  /// loads and the base results file reads. Throws a usage failure (exit 2) naming the file.
  func preflight() throws {
    do {
      if let templateDirectory { _ = try TemplateLibrary(directory: templateDirectory) }
      if let basePath { _ = try ResultsFile.read(from: basePath) }
    } catch {
      throw CommandFailure(code: ExitStatus.usage, description: "\(error)")
    }
  }

  /// With `--base`: sets `results.diff`, and with `--max-drop` fails the packages that dropped
  /// too far (recorded in `results.settings.maxDrop`; the verdict is refreshed).
  func applyBase(to results: inout CovResults) throws {
    guard let basePath else { return }
    let base: CovResults
    do {
      base = try ResultsFile.read(from: basePath)
    } catch {
      throw CommandFailure(code: ExitStatus.usage, description: "--base: \(error)")
    }
    if let maxDrop { MaxDropRule.apply(maxDrop, base: base, to: &results) }
    results.diff = ThresholdDiff(head: results, base: base)
  }

  /// Writes every requested report; with `GITHUB_ACTIONS=true` also the step outputs (`status`,
  /// `total-coverage`, `failed-packages`, `loose-packages`), the job summary and `::error`
  /// annotations (on standard output).
  func writeReports(for results: CovResults) throws {
    try writeReports(for: results) { line in Console.write(line + "\n", to: STDOUT_FILENO) }
  }

  /// As ``writeReports(for:)``, with workflow commands going to `emit`.
  func writeReports(for results: CovResults, emit: (String) -> Void) throws {
    do {
      try ReportWriter(request: request, environment: ProcessInfo.processInfo.environment).write(results, emit: emit)
    } catch let error as TemplateError {
      throw CommandFailure(code: ExitStatus.usage, description: "\(error)")
    } catch {
      // Unwritable report files or runner files: the machine, not the configuration.
      throw CommandFailure(code: ExitStatus.infrastructure, description: "\(error)")
    }
  }
}
