import Foundation

/// The results model: one versioned document (`covbot-results.json`) per gate run.
///
/// Reporters and publishers read only this. Shards produced on several machines merge
/// into one. Keys and meanings are documented in the README ("Results file").
public struct CovResults: Sendable, Hashable, Codable {
  /// The schema version this build writes and reads.
  public static let currentSchemaVersion = 1

  /// Bumped only for incompatible changes.
  public var schemaVersion: Int
  /// The covbot version that measured.
  public var toolVersion: String
  /// The Go module path, e.g. `example.com/demo`.
  public var module: String
  /// The module root on the machine that measured (absolute).
  public var moduleDirectory: String
  /// `go version` output's version, e.g. `go1.27.3`.
  public var goVersion: String
  /// The strategy that measured (`single` or `per-package`).
  public var strategy: Strategy
  /// The commit measured, when known (`GITHUB_SHA` or `git rev-parse HEAD`).
  public var commit: String?
  /// When the run started.
  public var startedAt: Date
  /// The gate settings the statuses were decided with.
  public var settings: GateSettings
  /// For a shard of a split run: which one.
  public var shard: ShardInfo?
  /// Whether SIGINT/SIGTERM stopped the run before every package was measured.
  public var interrupted: Bool
  /// Where the time went.
  public var timings: Timings
  /// One entry per package, sorted by import path.
  public var packages: [PackageResult]
  /// The overall verdict, derived from `packages` and `settings`.
  public var verdict: Verdict
  /// Head vs base comparison, when a base results file was given.
  public var diff: ThresholdDiff?
  /// The coverage of the lines the change touched, when asked for (`--patch-base`, `--patch-diff`).
  public var patch: PatchResult?

  /// Creates a results document; the verdict is derived from the packages.
  public init(
    toolVersion: String, module: String, moduleDirectory: String, goVersion: String, strategy: Strategy,
    commit: String? = nil, startedAt: Date, settings: GateSettings, shard: ShardInfo? = nil,
    interrupted: Bool = false, timings: Timings, packages: [PackageResult], diff: ThresholdDiff? = nil,
    patch: PatchResult? = nil
  ) {
    self.schemaVersion = Self.currentSchemaVersion
    self.toolVersion = toolVersion
    self.module = module
    self.moduleDirectory = moduleDirectory
    self.goVersion = goVersion
    self.strategy = strategy
    self.commit = commit
    self.startedAt = startedAt
    self.settings = settings
    self.shard = shard
    self.interrupted = interrupted
    self.timings = timings
    self.packages = packages.sorted { $0.importPath < $1.importPath }
    self.diff = diff
    self.patch = patch
    self.verdict = Verdict(packages: self.packages, settings: settings, interrupted: interrupted, patch: patch)
  }

  // Schema 1 names the module root `moduleDir`.
  private enum CodingKeys: String, CodingKey {
    case schemaVersion, toolVersion, module
    case moduleDirectory = "moduleDir"
    case goVersion, strategy, commit, startedAt, settings, shard, interrupted, timings, packages, verdict, diff, patch
  }

  /// Recomputes ``verdict`` after `packages` or `settings` changed.
  public mutating func refreshVerdict() {
    packages.sort { $0.importPath < $1.importPath }
    verdict = Verdict(packages: packages, settings: settings, interrupted: interrupted, patch: patch)
  }
}

/// How packages are measured.
public enum Strategy: String, Sendable, Codable, CaseIterable {
  /// One `go test -cover` process for every package; the profile is split per package.
  case single
  /// One `go test -coverpkg=P` process per package, N at once, after a build-cache pre-warm.
  case perPackage = "per-package"
}

/// Which shard of a split run a results file holds.
public struct ShardInfo: Sendable, Hashable, Codable {
  /// 1-based shard number.
  public var index: Int
  /// Number of shards.
  public var count: Int
  /// Every package of the whole run (all shards), sorted: lets `covbot merge` name missing packages.
  public var allPackages: [String]

  /// Creates shard `index` of `count` for a run over `allPackages`.
  public init(index: Int, count: Int, allPackages: [String] = []) {
    self.index = index
    self.count = count
    self.allPackages = allPackages
  }
}

/// Where a run's time went, in seconds.
public struct Timings: Sendable, Hashable, Codable {
  /// Filling the build cache before the parallel runs (0 when no pre-warm ran).
  public var prewarmSeconds: Double
  /// Running the tests with coverage.
  public var measureSeconds: Double
  /// The whole run, discovery and writing included.
  public var totalSeconds: Double
  /// CPU time (user + system) of covbot itself, children excluded: its own overhead.
  public var selfCPUSeconds: Double
  /// Packages (per-package) or `go test -p` (single) measured at once; merged results add up
  /// their shards'. Files written before this field existed read as 1.
  public var parallelism: Int

  /// Creates timings.
  public init(
    prewarmSeconds: Double = 0, measureSeconds: Double = 0, totalSeconds: Double = 0, selfCPUSeconds: Double = 0,
    parallelism: Int = 1
  ) {
    self.prewarmSeconds = prewarmSeconds
    self.measureSeconds = measureSeconds
    self.totalSeconds = totalSeconds
    self.selfCPUSeconds = selfCPUSeconds
    self.parallelism = parallelism
  }

  private enum CodingKeys: String, CodingKey {
    case prewarmSeconds, measureSeconds, totalSeconds, selfCPUSeconds, parallelism
  }

  /// Decodes timings; `parallelism` is optional so older results files still read.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    prewarmSeconds = try container.decode(Double.self, forKey: .prewarmSeconds)
    measureSeconds = try container.decode(Double.self, forKey: .measureSeconds)
    totalSeconds = try container.decode(Double.self, forKey: .totalSeconds)
    selfCPUSeconds = try container.decode(Double.self, forKey: .selfCPUSeconds)
    parallelism = try container.decodeIfPresent(Int.self, forKey: .parallelism) ?? 1
  }
}
