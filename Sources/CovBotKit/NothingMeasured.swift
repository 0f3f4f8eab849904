import CovEngine

/// A gate run that measured no package: every package excluded, or an empty shard.
public struct NothingMeasured: Sendable, CustomStringConvertible {
  /// How many packages `--exclude` removed.
  public var excluded: Int
  /// The shard, for a sharded run.
  public var shard: ShardInfo?

  /// Recognises a run that measured nothing; `nil` when at least one package was measured.
  public init?(_ results: CovResults) {
    guard results.packages.allSatisfy({ $0.status == .skipped && $0.skipReason == .excluded }) else { return nil }
    excluded = results.packages.count
    shard = results.shard
  }

  public var description: String {
    if let shard, excluded == 0 {
      return "shard \(shard.index)/\(shard.count) has no packages to measure (\(shard.allPackages.count) in all); "
        + "nothing was run. Use fewer shards to avoid empty ones."
    }
    return "nothing was measured: --exclude removes all \(excluded) packages the patterns match. "
      + "Narrow the --exclude patterns or the package patterns."
  }
}
