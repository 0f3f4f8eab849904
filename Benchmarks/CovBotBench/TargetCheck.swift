import Foundation

/// One performance target and whether this run met it.
struct TargetCheck: Sendable {
  /// Whether a target was met.
  enum Verdict: String, Sendable {
    case met = "MET"
    case missed = "MISSED"
    case unavailable = "N/A"
  }

  /// What the target says.
  var name: String
  /// What was measured, e.g. `1.03×` or `0.21% (worst: d-single)`.
  var measured: String
  /// The verdict.
  var verdict: Verdict

  /// covbot gate (auto) wall ≤ 1.10 × (c) and ≤ 0.75 × (a); covbot's own CPU < 1% of its wall time.
  static func evaluate(_ rows: [BenchRow]) -> [TargetCheck] {
    func wall(_ configuration: BenchConfiguration) -> Double? {
      rows.first { $0.configuration == configuration }?.wallSeconds
    }
    func ratio(_ name: String, _ base: BenchConfiguration, limit: Double) -> TargetCheck {
      guard let auto = wall(.covbotAuto), let baseWall = wall(base), baseWall > 0 else {
        return TargetCheck(name: name, measured: "needs d-auto and \(base.rawValue)", verdict: .unavailable)
      }
      let value = auto / baseWall
      return TargetCheck(name: name, measured: String(format: "%.2f×", value), verdict: value <= limit ? .met : .missed)
    }
    var checks = [
      ratio("covbot gate (auto) wall ≤ 1.10 × (c)", .reference, limit: 1.10),
      ratio("covbot gate (auto) wall ≤ 0.75 × (a)", .covgate, limit: 0.75),
    ]
    let overheads = rows.compactMap { row in row.covbotOverheadPercent.map { (row.configuration, $0) } }
    if let worst = overheads.max(by: { $0.1 < $1.1 }) {
      checks.append(
        TargetCheck(
          name: "covbot overhead < 1% of wall",
          measured: String(format: "%.2f%%", worst.1) + " (worst: \(worst.0.rawValue))",
          verdict: worst.1 < 1 ? .met : .missed))
    } else {
      checks.append(
        TargetCheck(name: "covbot overhead < 1% of wall", measured: "needs a covbot row", verdict: .unavailable))
    }
    return checks
  }
}
