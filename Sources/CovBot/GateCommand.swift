import ArgumentParser
import CovBotKit
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

  @OptionGroup(title: "Patch coverage")
  var patch: PatchOptions

  @OptionGroup(title: "Reports")
  var reports: ReportOptions

  @Flag(help: "Publish to GitHub when the gate is done (comment, status, check run; see the publishing options).")
  var publish = false

  @OptionGroup(title: "Publishing (with --publish)")
  var publishing: PublishOptions

  func run() async throws {
    let console = Console()
    let reportRun = try reports.run()
    let publishRun = publish ? publishing.run(markdown: reportRun.markdown, console: console) : nil
    var gate = try options.run(console: console, secretVariables: [publishing.github.tokenEnv])
    let (patchRequest, patchNote) = patch.request(
      github: publishing.github.target, environment: ProcessInfo.processInfo.environment)
    if let patchNote { console.error("covbot: \(patchNote)") }
    gate.configuration.patch = patchRequest
    let outcome = try await gate.run(reports: reportRun, publish: publishRun)
    let results = outcome.results
    console.outUntrusted(TerminalTable.render(results, style: console.outStyle, showUncovered: patch.showUncovered))
    if let signal = outcome.signal { throw ExitCode(128 + signal) }
    if let nothing = NothingMeasured(results) {
      // An empty shard is normal (more shards than packages) and merges; a run that excluded
      // everything gated nothing, and must not pass.
      guard results.shard == nil else {
        console.error("covbot: \(nothing)")
        throw ExitStatus.passed
      }
      throw RunFailure(.usage, "\(nothing)")
    }
    // Told to fail on it, a publishing failure (exit 3) outranks the gate's own verdict.
    if let publishRun, let report = outcome.publication { try publishRun.enforce(report) }
    throw results.verdict.passed ? ExitStatus.passed : ExitStatus.gateFailed
  }
}
