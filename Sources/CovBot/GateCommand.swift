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

  func run() async throws {
    let console = Console()
    let (results, signal) = try await options.measure(console: console)
    try options.writeResults(results)
    console.out(TerminalTable.render(results, style: console.outStyle))
    if let signal { throw ExitCode(128 + signal) }
    throw results.verdict.passed ? ExitStatus.passed : ExitStatus.gateFailed
  }
}
