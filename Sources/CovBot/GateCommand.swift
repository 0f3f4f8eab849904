import ArgumentParser
import CovEngine
import Foundation
import Reporters

/// `covbot gate`: measure every package's coverage and gate it against its floor.
struct GateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gate",
    abstract: "Measure each Go package's coverage and gate it against its floor (.covgate).",
    discussion: """
      Packages are listed with `go list` (GOWORK=off unless --use-workspace). A package's floor is \
      the first line of its .covgate file, else --default-floor. Flags after `--` go to `go test` \
      (e.g. `covbot gate ./... -- -race -tags=integration`).
      """
  )

  @OptionGroup var options: GateOptions

  @OptionGroup(title: "Reports")
  var reports: ReportOptions

  @Flag(help: "Publish to GitHub when the gate is done (comment, status, check run; see the publishing options).")
  var publish = false

  @OptionGroup(title: "Publishing (with --publish)")
  var publishing: PublishOptions

  func run() async throws {
    let console = Console()
    // Bad template or base paths fail in seconds, not after a long measurement.
    try reports.preflight()
    var (results, signal) = try await options.measure(console: console, secretVariables: [publishing.tokenEnv])
    try reports.applyBase(to: &results)
    let resultsPath = try options.writeResults(results)
    try reports.writeReports(for: results)
    var publishFailure: (any Error)?
    if publish && signal == nil {
      let report = try await publishing.publish(
        results, templateDirectory: reports.templateDirectory, resultsPath: resultsPath)
      do { try publishing.enforce(report) } catch { publishFailure = error }
    }
    console.outUntrusted(TerminalTable.render(results, style: console.outStyle))
    if let signal { throw ExitCode(128 + signal) }
    if let nothing = NothingMeasured(results) {
      // An empty shard is normal (more shards than packages) and merges; a run that excluded
      // everything gated nothing, and must not pass.
      guard results.shard == nil else {
        console.error("covbot: \(nothing)")
        throw ExitStatus.passed
      }
      throw CommandFailure(code: ExitStatus.usage, description: "\(nothing)")
    }
    // Told to fail on it, a publishing failure (exit 3) outranks the gate's own verdict.
    if let publishFailure { throw publishFailure }
    throw results.verdict.passed ? ExitStatus.passed : ExitStatus.gateFailed
  }
}
