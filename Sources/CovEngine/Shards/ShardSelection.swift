/// `--shard K/N`: which shard of a split run to measure.
public struct ShardSelection: Sendable, Hashable, CustomStringConvertible {
  /// 1-based shard number.
  public var index: Int
  /// Number of shards.
  public var count: Int

  /// Parses `K/N` with `1 ≤ K ≤ N`.
  public init?(_ text: String) {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
      (1...count).contains(index)
    else { return nil }
    self.index = index
    self.count = count
  }

  public var description: String { "\(index)/\(count)" }

  /// Keeps this shard's packages of a planned split over `packages`.
  public func select(_ packages: [GoPackage], history: DurationHistory) -> [GoPackage] {
    let plan = ShardPlan(count: count, packages: packages, history: history)
    let mine = Set(plan.shards[index - 1].packages)
    return packages.filter { mine.contains($0.importPath) }
  }
}
