import ArgumentParser
import CovEngine
import Foundation
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
    var loaded: [(path: String, results: CovResults)] = []
    for path in inputs {
      do {
        loaded.append((path, try ResultsFile.read(from: path)))
      } catch {
        throw CommandFailure(code: ExitStatus.usage, description: "\(error)")
      }
    }
    let merged: CovResults
    do {
      merged = try ResultsMerger.merge(loaded)
    } catch {
      throw CommandFailure(code: ExitStatus.usage, description: "\(error)")
    }
    do {
      try ResultsFile.write(merged, to: output)
    } catch {
      throw CommandFailure(code: ExitStatus.infrastructure, description: "\(error)")
    }
    let console = Console()
    console.outUntrusted(TerminalTable.render(merged, style: console.outStyle))
    throw merged.verdict.passed ? ExitStatus.passed : ExitStatus.gateFailed
  }
}
