/// A deterministic split of packages into N shards of balanced expected time.
///
/// Longest-processing-time first: packages sorted by expected seconds (longest first, ties by
/// import path) each go to the shard with the least expected time so far (ties: lowest index).
/// Every package lands in exactly one shard, whatever the package list.
public struct ShardPlan: Sendable, Hashable, Codable {
  /// One shard of the plan.
  public struct Shard: Sendable, Hashable, Codable {
    /// 1-based shard number.
    public var index: Int
    /// The shard's packages, sorted by import path.
    public var packages: [String]
    /// The sum of the packages' expected seconds.
    public var expectedSeconds: Double
  }

  /// The number of shards.
  public var count: Int
  /// The shards, index 1 first.
  public var shards: [Shard]
  /// Where the expected durations came from: `history`, `history+estimate` or `estimate`.
  public var basis: String

  /// Plans `count` shards over `packages` with the expected seconds of each.
  public init(count: Int, expectedSeconds: [String: Double], basis: String) {
    precondition(count >= 1, "at least one shard")
    self.count = count
    self.basis = basis
    var shards = (1...count).map { Shard(index: $0, packages: [], expectedSeconds: 0) }
    let ordered = expectedSeconds.sorted { lhs, rhs in
      lhs.value != rhs.value ? lhs.value > rhs.value : lhs.key < rhs.key
    }
    for (package, seconds) in ordered {
      var target = 0
      for index in shards.indices where shards[index].expectedSeconds < shards[target].expectedSeconds {
        target = index
      }
      shards[target].packages.append(package)
      shards[target].expectedSeconds += seconds
    }
    for index in shards.indices { shards[index].packages.sort() }
    self.shards = shards
  }

  /// Plans shards for listed packages.
  ///
  /// A package with history is expected to take its own measured time plus its share, by size
  /// (Go files, test files included), of the history's shared build time; a package without
  /// history is estimated from its size at the history's seconds per file.
  public init(count: Int, packages: [GoPackage], history: DurationHistory) {
    func size(_ package: GoPackage) -> Double { Double(package.fileCount + 1) }
    let seconds = history.packageSeconds
    let known = packages.filter { seconds[$0.importPath] != nil }
    let knownFiles = known.reduce(0) { $0 + size($1) }
    let knownSeconds = known.reduce(0) { $0 + (seconds[$1.importPath] ?? 0) }
    // Shared time is charged only to the packages the history knows, by their share of its files.
    let sharedPerFile = knownFiles > 0 ? history.sharedSeconds / knownFiles : 0
    let secondsPerFile = knownFiles > 0 && knownSeconds > 0 ? knownSeconds / knownFiles + sharedPerFile : 1
    var expected: [String: Double] = [:]
    for package in packages {
      expected[package.importPath] =
        seconds[package.importPath].map { $0 + size(package) * sharedPerFile } ?? size(package) * secondsPerFile
    }
    let basis = known.isEmpty ? "estimate" : known.count == packages.count ? "history" : "history+estimate"
    self.init(count: count, expectedSeconds: expected, basis: basis)
  }

  /// The slowest shard's expected time.
  public var makespan: Double { shards.map(\.expectedSeconds).max() ?? 0 }

  /// The ideal: total expected time divided evenly.
  public var ideal: Double { shards.reduce(0) { $0 + $1.expectedSeconds } / Double(count) }
}
