import ArgumentParser
import CovBotKit
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

  /// The reports these flags ask for, with the templates and the base results loaded: a bad
  /// template directory or base file fails here, in seconds, not after a long measurement.
  func run(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ReportRun {
    try ReportRun(request: request, basePath: basePath, maxDrop: maxDrop, environment: environment)
  }
}
