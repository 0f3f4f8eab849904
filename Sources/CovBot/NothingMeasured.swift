import CovEngine

/// A gate run that measured no package: every package excluded, or an empty shard.
struct NothingMeasured: CustomStringConvertible {
  var excluded: Int
  var shard: ShardInfo?

  /// `nil` when at least one package was measured.
  init?(_ results: CovResults) {
    guard results.packages.allSatisfy({ $0.status == .skipped && $0.skipReason == .excluded }) else { return nil }
    excluded = results.packages.count
    shard = results.shard
  }

  var description: String {
    if let shard, excluded == 0 {
      return "shard \(shard.index)/\(shard.count) has no packages to measure (\(shard.allPackages.count) in all); "
        + "nothing was run. Use fewer shards to avoid empty ones."
    }
    return "nothing was measured: --exclude removes all \(excluded) packages the patterns match. "
      + "Narrow the --exclude patterns or the package patterns."
  }
}
