import CovEngine

/// One configuration's outcomes over every run, summarised by medians.
struct BenchRow: Sendable {
  /// The configuration.
  var configuration: BenchConfiguration
  /// One outcome per run, in run order.
  var outcomes: [RunOutcome]

  /// Why the configuration has no measurement (the first run that failed), or `nil`.
  var failure: String? { outcomes.lazy.compactMap(\.failure).first }

  /// Median wall seconds, when every run succeeded.
  var wallSeconds: Double? { failure == nil ? outcomes.map(\.wallSeconds).median : nil }
  /// Median CPU seconds of all descendants, when every run succeeded.
  var cpuSeconds: Double? { failure == nil ? outcomes.map(\.cpuSeconds).median : nil }
  /// Median pre-warm seconds: measured by the benchmark for (a), reported by covbot for covbot rows.
  var prewarmSeconds: Double? {
    guard failure == nil else { return nil }
    if configuration.isCovBot { return outcomes.compactMap { $0.covbotTimings?.prewarmSeconds }.median }
    return outcomes.compactMap(\.prewarmSeconds).median
  }
  /// Median CPU seconds covbot itself used (children excluded), from its results file.
  var covbotCPUSeconds: Double? { outcomes.compactMap { $0.covbotTimings?.selfCPUSeconds }.median }
  /// Median of covbot's own CPU as a percentage of its wall time.
  var covbotOverheadPercent: Double? { outcomes.compactMap(\.covbotOverheadPercent).median }
  /// The last successful outcome (for the sanity check).
  var lastOutcome: RunOutcome? { outcomes.last { $0.failure == nil } }
}

extension Array where Element == Double {
  /// The median, or `nil` for an empty array.
  var median: Double? {
    guard !isEmpty else { return nil }
    let sorted = sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
