import ArgumentParser
import CovBotKit
import CovEngine
import Reporters

/// `covbot merge`: join the results of `covbot gate --shard K/N` jobs into one verdict.
struct MergeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Merge shard results files into one (refusing mismatched or incomplete shards).",
    discussion: "Exits 0 or 1 with the merged gate verdict, 2 when the shards cannot be merged."
  )

  @Argument(help: "The shard results files.")
  var inputs: [String]

  @Option(name: .shortAndLong, help: "Where to write the merged results.")
  var output = ResultsFile.defaultName

  func validate() throws {
    guard !inputs.isEmpty else { throw ValidationError("give at least one results file") }
  }

  func run() async throws {
    let merged = try MergeRun.run(inputs: inputs, output: output)
    let console = Console()
    console.outUntrusted(TerminalTable.render(merged, style: console.outStyle))
    throw merged.verdict.passed ? ExitStatus.passed : ExitStatus.gateFailed
  }
}
