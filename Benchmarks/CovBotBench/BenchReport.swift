import Foundation

/// Everything the gate benchmark prints: the table, the targets and the sanity check.
struct BenchReport: Sendable {
  /// One line describing the setup (packages, CPUs, runs, go version).
  var summary: String
  /// The side-by-side table.
  var table: ResultTable
  /// The performance targets.
  var targets: [TargetCheck]
  /// The per-package coverage comparison.
  var sanity: SanityCheck

  /// Whether no target was missed and the sanity check found no mismatch (unavailable targets pass).
  var passed: Bool {
    !targets.contains { $0.verdict == .missed } && sanity.mismatches == 0
  }

  /// The report as plain text.
  func text() -> String {
    var text = "\ncovbot-bench gate: \(summary)\n\n" + table.text() + "\ntargets:\n"
    for target in targets {
      text += "  \(target.verdict.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0))  "
      text += "\(target.name): \(target.measured)\n"
    }
    text += "\nsanity (per-package coverage):\n"
    for line in sanity.lines { text += "  \(line)\n" }
    return text
  }

  /// The report as Markdown.
  func markdown() -> String {
    var text = "_\(summary)_\n\n" + table.markdown() + "\n**Targets**\n\n"
    for target in targets { text += "- \(target.verdict.rawValue): \(target.name): \(target.measured)\n" }
    text += "\n**Sanity (per-package coverage)**\n\n"
    for line in sanity.lines { text += "- \(line)\n" }
    return text
  }
}
