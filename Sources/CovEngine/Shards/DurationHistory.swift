/// What a previous run says about how long each package takes: the input of scheduling and of
/// the shard split (`--history FILE`).
///
/// A package's `durationSeconds` is what its own test process took. With one `go test` process
/// for everything (the single strategy) that is only the test binary's run; the compiling and
/// linking, most of a cold CI run, happened in between and belongs to no package. That time is
/// kept as ``sharedSeconds`` so a shard split can charge it back to packages by size; without it
/// a package with one slow test would get a shard of its own while the other shard builds
/// everything else.
public struct DurationHistory: Sendable, Hashable {
  /// Import path → seconds its own test process took.
  public var packageSeconds: [String: Double]
  /// Worker-seconds of the measure phase spent outside every package's own time (building,
  /// linking); about 0 for per-package runs, whose durations include their builds.
  public var sharedSeconds: Double

  /// No history: everything is estimated from package sizes.
  public static let empty = DurationHistory(packageSeconds: [:], sharedSeconds: 0)

  /// A history from known durations.
  public init(packageSeconds: [String: Double], sharedSeconds: Double = 0) {
    self.packageSeconds = packageSeconds
    self.sharedSeconds = max(sharedSeconds, 0)
  }

  /// The history a results file gives: measured packages' durations, and the measure phase's
  /// worker-seconds (wall × parallelism) that they leave unexplained.
  public init(results: CovResults) {
    var seconds: [String: Double] = [:]
    for package in results.packages where package.durationSeconds > 0 {
      seconds[package.importPath] = package.durationSeconds
    }
    let worker = results.timings.measureSeconds * Double(max(results.timings.parallelism, 1))
    self.init(packageSeconds: seconds, sharedSeconds: worker - seconds.values.reduce(0, +))
  }

  /// Whether nothing is known.
  public var isEmpty: Bool { packageSeconds.isEmpty }
}
