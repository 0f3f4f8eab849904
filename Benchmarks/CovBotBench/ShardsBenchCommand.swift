import ArgumentParser
import CovEngine
import Foundation

/// `covbot-bench shards`: how balanced the `--shard K/N` split is, simulated on a package history.
///
/// Durations follow a log-normal distribution (a few slow packages, many fast ones), as package
/// test times in real monorepos do; the plan is CovEngine's own `ShardPlan`.
struct ShardsBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shards", abstract: "Simulate shard balance over a package history (no Go needed).")

  @Option(help: "Packages in the simulated history.")
  var packages = 200

  @Option(help: "Shard counts to plan.")
  var counts: [Int] = [2, 4, 8, 16]

  @Option(help: "Log-normal sigma of package durations (spread).")
  var sigma = 1.0

  @Option(help: "Random seed.")
  var seed: UInt64 = 2026

  func run() throws {
    var generator = SeededGenerator(seed: seed)
    var durations: [String: Double] = [:]
    for index in 0..<packages {
      // Box–Muller: a standard normal from two uniforms.
      let u1 = max(generator.unit(), 1e-12)
      let u2 = generator.unit()
      let normal = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
      durations["example.com/mono/pkg\(index)"] = 2.0 * exp(sigma * normal)
    }
    let total = durations.values.reduce(0, +)
    let longest = durations.values.max() ?? 0
    print(
      "history: \(packages) packages, total \(String(format: "%.1f", total)) s, longest "
        + "\(String(format: "%.1f", longest)) s (log-normal, sigma \(sigma), seed \(seed))")
    print("shards  ideal s  slowest s  fastest s  slowest ÷ ideal  target ≤ 1.10")
    var allMet = true
    for count in counts {
      let plan = ShardPlan(count: count, expectedSeconds: durations, basis: "history")
      let fastest = plan.shards.map(\.expectedSeconds).min() ?? 0
      let ratio = plan.makespan / plan.ideal
      let met = ratio <= 1.10
      allMet = allMet && met
      print(
        String(
          format: "%6d  %7.1f  %9.1f  %9.1f  %15.3f  %@", count, plan.ideal, plan.makespan, fastest, ratio,
          met ? "MET" : "MISSED"))
    }
    if !allMet { throw ExitCode(1) }
  }
}
