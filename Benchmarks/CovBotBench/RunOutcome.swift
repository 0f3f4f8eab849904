import CovEngine

/// What one configuration measured in one run.
struct RunOutcome: Sendable {
  /// Wall time, spawn of the first child to reap of the last.
  var wallSeconds: Double
  /// CPU time (user + system) of every descendant.
  var cpuSeconds: Double
  /// The pre-warm's wall time, for configurations that have one.
  var prewarmSeconds: Double?
  /// covbot's own timings, for covbot configurations.
  var covbotTimings: Timings?
  /// Why the configuration produced no usable measurement, or `nil`.
  var failure: String?
  /// Problems that did not invalidate the timing (a package's tests failed, …).
  var problems: [String] = []
  /// Per-package coverage from the per-package profiles of (a) and (b).
  var profileCoverage: [String: StatementCoverage]?
  /// Per-package percentages `go test -cover` printed, for (c) (`nil` value: no statements).
  var printedPercents: [String: String?]?
  /// covbot's results, for covbot configurations.
  var results: CovResults?

  /// A configuration that could not run at all.
  static func notRun(_ reason: String) -> RunOutcome {
    RunOutcome(wallSeconds: 0, cpuSeconds: 0, failure: reason)
  }

  /// covbot's own CPU as a percentage of its wall time, from its results file.
  var covbotOverheadPercent: Double? {
    guard let timings = covbotTimings, timings.totalSeconds > 0 else { return nil }
    return timings.selfCPUSeconds / timings.totalSeconds * 100
  }
}
