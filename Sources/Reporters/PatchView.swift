import CovEngine

/// What the `patch.md` partial shows above the file table: the figure, the floor and the verdict.
///
/// Plain stored properties (see ``ReportView``); every string is escaped or built from numbers.
struct PatchView {
  /// `✅`, `❌` or `ℹ️`.
  var icon: String
  /// `73.0%`, or `—` when no changed line holds a statement.
  var figure: String
  /// `pass`, `fail` or `info`.
  var status: String
  /// Whether the patch is below its floor.
  var failed: Bool
  /// The sentence under the heading: lines counted, the floor and what it means.
  var sentence: String
  /// `Measured against base abc1234def56.`, when the results name the base.
  var base: String?

  /// The view of `patch`.
  init(_ patch: PatchResult) {
    let coverage = patch.coverage
    icon =
      switch patch.status {
      case .pass: "✅"
      case .fail: "❌"
      case .info: "ℹ️"
      }
    figure = coverage.formatted()
    status = patch.status.rawValue
    failed = patch.status == .fail
    let unmeasured = patch.files.count { !$0.measured }
    var sentence: String
    if patch.files.isEmpty {
      sentence =
        "This change touches no Go lines that count (test files, generated files and files outside the measured "
        + "module are left out)."
    } else if coverage.total == 0 {
      // Lines of unmeasured files are not said to hold no statement: nobody looked.
      let measuredLines = patch.files.filter(\.measured).reduce(0) { $0 + $1.changedLines }
      sentence =
        measuredLines == 0
        ? "" : "None of the \(MarkdownText.plural(measuredLines, "changed line")) holds a Go statement."
    } else {
      sentence =
        "**\(coverage.formatted())** of \(MarkdownText.plural(coverage.total, "changed line")) run by tests "
        + "(\(MarkdownText.grouped(patch.coveredLines)) covered, \(MarkdownText.grouped(patch.partialLines)) partly, "
        + "\(MarkdownText.grouped(patch.missedLines)) not run)"
      switch (patch.status, patch.floor) {
      case (.fail, let floor?): sentence += ": **below the patch floor \(floor)**."
      case (_, let floor?): sentence += ": meets the patch floor \(floor)."
      case (_, nil): sentence += "; no patch floor, so this is for information only."
      }
    }
    if unmeasured > 0 {
      if !sentence.isEmpty { sentence += " " }
      sentence +=
        "\(MarkdownText.plural(unmeasured, "changed file")) \(unmeasured == 1 ? "was" : "were") not measured "
        + "(build tags, or a package the gate did not run)."
    }
    self.sentence = sentence
    base = patch.base.map { "Measured against base \(MarkdownText.escape(String($0.prefix(12)), limit: 12))." }
  }
}

/// One changed file in the patch table.
struct PatchFileRow {
  /// The path, escaped, linked to the file at the head commit when links are known.
  var file: String
  /// Changed lines, counted or not.
  var changed: String
  /// `40.0%`, `—` (no statement among the changed lines) or `not measured`.
  var coverage: String
  /// Covered changed lines, or `—`.
  var covered: String
  /// Partly run changed lines, or `—`.
  var partial: String
  /// Missed changed lines, or `—`.
  var missed: String
  /// The missed ranges, each linked to its lines: `[12–14](…#L12-L14), [20](…#L20)`.
  var ranges: String
}
