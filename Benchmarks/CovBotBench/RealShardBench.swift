import CovBotSupport
import CovEngine
import Foundation

/// Two real shards of a generated module, each from a cold build cache as on its own CI runner.
///
/// First an unsharded `covbot gate` (which also writes the history the split is planned from),
/// then `--shard 1/2` and `--shard 2/2` with that history, then `covbot merge`; the merged
/// package results must equal the unsharded ones.
struct RealShardBench: Sendable {
  /// Runs `go` and `covbot` in the generated module.
  var runner: BenchRunner
  /// `covbot`'s absolute path.
  var covbot: String

  /// What the real run measured.
  struct Outcome: Sendable {
    /// Wall seconds of the unsharded run.
    var unshardedSeconds: Double
    /// Wall seconds of each shard, in shard order.
    var shardSeconds: [Double]
    /// Packages in each shard.
    var shardPackages: [Int]
    /// Packages whose merged result differs from the unsharded one (import paths).
    var mismatches: [String]

    /// The slowest shard against the mean of the shards (1.00: perfectly balanced).
    var balance: Double {
      let mean = shardSeconds.reduce(0, +) / Double(max(shardSeconds.count, 1))
      return (shardSeconds.max() ?? 0) / mean
    }
  }

  /// Runs the unsharded gate, both shards and the merge.
  func measure(count: Int = 2) async throws -> Outcome {
    let out = "\(runner.workDir)/out/shards"
    try? FileManager.default.removeItem(atPath: out)
    do {
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    } catch {
      throw BenchError("could not create \(out): \(error)", next: "Check that --work-dir is writable.")
    }
    let history = "\(out)/unsharded.json"
    let unsharded = try await gate(["--json", history], name: "unsharded")
    var shardSeconds: [Double] = []
    var shardPackages: [Int] = []
    var shardFiles: [String] = []
    for index in 1...count {
      let file = "\(out)/shard-\(index).json"
      shardSeconds.append(
        try await gate(["--shard", "\(index)/\(count)", "--history", history, "--json", file], name: "shard \(index)"))
      shardPackages.append(try ResultsFile.read(from: file).packages.count)
      shardFiles.append(file)
    }
    let merged = "\(out)/merged.json"
    let merge = try await ChildCommand(
      executable: covbot, arguments: ["merge"] + shardFiles + ["-o", merged], environment: [:],
      workingDirectory: runner.module.dir, timeout: runner.timeout
    ).run()
    guard let code = merge.exitCode, code <= 1 else {
      throw BenchError("covbot merge \(merge.summary):\n\(merge.tail())", next: "Run it by hand on \(out).")
    }
    return Outcome(
      unshardedSeconds: unsharded, shardSeconds: shardSeconds, shardPackages: shardPackages,
      mismatches: try Self.mismatches(merged: merged, unsharded: history))
  }

  /// One cold `covbot gate` with `arguments`; returns its wall time.
  private func gate(_ arguments: [String], name: String) async throws -> Double {
    let cache = "\(runner.workDir)/gocache/shards"
    try? FileManager.default.removeItem(atPath: cache)
    defer { try? FileManager.default.removeItem(atPath: cache) }
    let command = ChildCommand(
      executable: covbot,
      arguments: ["gate", "--module-dir", runner.module.dir, "--default-floor", "0"] + arguments,
      environment: runner.goEnvironment(cache: cache), workingDirectory: runner.module.dir, timeout: runner.timeout)
    let start = ContinuousClock.now
    let result = try await command.run()
    let seconds = (ContinuousClock.now - start).seconds
    guard let code = result.exitCode, code <= 1 else {
      throw BenchError("covbot gate (\(name)) \(result.summary):\n\(result.tail())", next: "Run it by hand.")
    }
    return seconds
  }

  /// Import paths whose merged coverage or status differs from the unsharded run's.
  private static func mismatches(merged: String, unsharded: String) throws -> [String] {
    let mergedPackages = Dictionary(
      uniqueKeysWithValues: try ResultsFile.read(from: merged).packages.map { ($0.importPath, $0) })
    return try ResultsFile.read(from: unsharded).packages.compactMap { package in
      guard let other = mergedPackages[package.importPath], other.coverage == package.coverage,
        other.status == package.status
      else { return package.importPath }
      return nil
    }
  }
}
