import ArgumentParser
import CovEngine
import Foundation

/// `covbot-bench shards`: how balanced the `--shard K/N` split is.
///
/// Simulated for every N on a package history whose durations follow a log-normal distribution (a
/// few slow packages, many fast ones), as package test times in real monorepos do; the plan is
/// CovEngine's own `ShardPlan`. With `--measure`, N = 2 also runs for real on a generated module.
struct ShardsBenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shards",
    abstract: "Shard balance: simulated for N = 2, 4, 8, 16; with --measure, 2 real shards of a Go module.")

  @Option(help: "Packages in the simulated history.")
  var packages = 200

  @Option(help: "Shard counts to plan.")
  var counts: [Int] = [2, 4, 8, 16]

  @Option(help: "Log-normal sigma of package durations (spread).")
  var sigma = 1.0

  @Option(help: "Random seed.")
  var seed: UInt64 = 2026

  @Flag(help: "Also run 2 real shards (cold GOCACHE each) of a generated module with covbot gate and merge them.")
  var measure = false

  @Option(help: "Packages in the generated module for --measure.")
  var modulePackages = 48

  @Option(help: "Where --measure writes the module, caches and outputs (default: a temporary directory).")
  var workDir: String?

  @Option(help: "The go binary for --measure (default: go on PATH, else .tools/go/go/bin/go).")
  var go: String?

  @Option(help: "The covbot binary for --measure (default: covbot next to covbot-bench).")
  var covbot: String?

  func run() async throws {
    var allMet = simulate()
    if measure {
      do {
        let command = self
        allMet = try await SignalCancellation.run { try await command.measureRealShards() } && allMet
      } catch let error as BenchError {
        GateBenchCommand.log("covbot-bench: \(error)")
        throw ExitCode(2)
      }
    }
    if !allMet { throw ExitCode(1) }
  }

  /// Prints the simulated table; returns whether every N met the target.
  private func simulate() -> Bool {
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
    return allMet
  }

  /// Runs the real N = 2 measurement and prints it; returns whether it is balanced within 10%.
  private func measureRealShards() async throws -> Bool {
    let go = try BenchTools.locateGo(explicit: self.go)
    let covbot = try BenchTools.locateCovBot(explicit: self.covbot).get()
    let work = try WorkDirectory(explicit: workDir, keep: false)
    defer { work.cleanUp() }
    let module = try GoModuleGenerator(packageCount: modulePackages).write(to: "\(work.path)/module")
    let runner = BenchRunner(
      go: go, covbot: .success(covbot), module: module, parallelism: ProcessInfo.processInfo.activeProcessorCount,
      timeout: .seconds(1800), workDir: work.path)
    GateBenchCommand.log(
      "covbot-bench shards --measure: \(modulePackages) packages, unsharded then 2 shards, cold GOCACHE")
    let outcome = try await RealShardBench(runner: runner, covbot: covbot).measure()
    print("real, N = 2 (\(modulePackages)-package module, covbot gate, cold GOCACHE per run):")
    print(String(format: "  unsharded          %6.1f s wall", outcome.unshardedSeconds))
    for (index, seconds) in outcome.shardSeconds.enumerated() {
      print(String(format: "  shard %d/2 %4d pkg %6.1f s wall", index + 1, outcome.shardPackages[index], seconds))
    }
    let slowest = outcome.shardSeconds.max() ?? 0
    let met = outcome.balance <= 1.10 && outcome.mismatches.isEmpty
    print(
      String(
        format: "  slowest ÷ mean of shards %.3f (target ≤ 1.10: %@); unsharded ÷ slowest shard %.2f×",
        outcome.balance, outcome.balance <= 1.10 ? "MET" : "MISSED", outcome.unshardedSeconds / slowest))
    print(
      outcome.mismatches.isEmpty
        ? "  merged == unsharded: \(module.packages.count) of \(module.packages.count) packages agree"
        : "  merged != unsharded for: \(outcome.mismatches.joined(separator: ", "))")
    return met
  }
}
