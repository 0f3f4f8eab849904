/// Everything a gate run needs to know.
public struct GateConfiguration: Sendable {
  /// The module root (or a directory inside the module).
  public var moduleDirectory: String
  /// Package patterns to gate (`./...` by default).
  public var patterns: [String]
  /// Patterns whose packages are reported as SKIPPED instead of measured.
  public var excludes: [String]
  /// Floors, tolerance and loose policy.
  public var settings: GateSettings
  /// How to measure.
  public var strategy: StrategyChoice
  /// How many packages at once (also `go test -p`).
  public var parallelism: Int
  /// Per-package test timeout.
  public var timeout: Duration
  /// How to fill the build cache before per-package runs.
  public var prewarm: PrewarmMode
  /// Durations from a previous results file, for longest-first scheduling.
  public var history: DurationHistory
  /// Tests that live outside their package (covgate's `--test-dir` / `--src-prefix`).
  public var testDirectories: TestDirectoryMapping?
  /// Extra flags for `go test` (e.g. `-race`, `-tags=integration`).
  public var goTestFlags: [String]
  /// The commit being measured, when known.
  public var commit: String?
  /// Measure only this shard of a balanced split (`--shard K/N`).
  public var shard: ShardSelection?
  /// Also measure the coverage of the lines a change touched.
  public var patch: PatchRequest?

  /// A configuration with CovBot's defaults.
  public init(
    moduleDirectory: String, patterns: [String] = ["./..."], excludes: [String] = [],
    settings: GateSettings = GateSettings(), strategy: StrategyChoice = .auto, parallelism: Int,
    timeout: Duration = .seconds(600), prewarm: PrewarmMode = .auto, history: DurationHistory = .empty,
    testDirectories: TestDirectoryMapping? = nil, goTestFlags: [String] = [], commit: String? = nil,
    shard: ShardSelection? = nil, patch: PatchRequest? = nil
  ) {
    self.moduleDirectory = moduleDirectory
    self.patterns = patterns
    self.excludes = excludes
    self.settings = settings
    self.strategy = strategy
    self.parallelism = parallelism
    self.timeout = timeout
    self.prewarm = prewarm
    self.history = history
    self.testDirectories = testDirectories
    self.goTestFlags = goTestFlags
    self.commit = commit
    self.shard = shard
    self.patch = patch
  }
}
