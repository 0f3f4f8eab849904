import ArgumentParser
import CovBotKit
import CovEngine
import Foundation

/// `covbot shards`: print the balanced split that `covbot gate --shard K/N` uses, as JSON.
struct ShardsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shards",
    abstract: "Print the plan that splits the packages into N balanced shards (JSON, for a CI matrix).",
    discussion: """
      Expected durations come from --history (a previous results file); packages without history \
      are estimated from their number of Go files. Pass the same --history to every `gate --shard` job.
      """
  )

  @OptionGroup var options: GateOptions

  @Option(name: .short, parsing: .unconditional, help: "The number of shards.")
  var n: Int

  func validate() throws {
    guard n >= 1 else { throw ValidationError("-n must be at least 1") }
    guard options.shard == nil else { throw ValidationError("--shard does not apply to `covbot shards`") }
  }

  func run() async throws {
    let configuration = try options.gateConfiguration(moduleDirectory: options.absoluteModuleDirectory)
    let plan: ShardPlan
    do {
      plan = try await CoverageGate(go: try options.toolchain()).shardPlan(count: n, configuration: configuration)
    } catch {
      throw RunFailure(classifying: error)
    }
    let output = ShardPlanOutput(plan: plan)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    Console.write(String(decoding: try encoder.encode(output), as: UTF8.self) + "\n", to: STDOUT_FILENO)
  }
}

/// The JSON `covbot shards` prints: the plan plus a ready-made matrix (`["1/4", "2/4", …]`).
private struct ShardPlanOutput: Encodable {
  var count: Int
  var basis: String
  var makespanSeconds: Double
  var idealSeconds: Double
  var matrix: [String]
  var shards: [ShardPlan.Shard]

  init(plan: ShardPlan) {
    count = plan.count
    basis = plan.basis
    makespanSeconds = plan.makespan
    idealSeconds = plan.ideal
    matrix = plan.shards.map { "\($0.index)/\(plan.count)" }
    shards = plan.shards
  }
}
