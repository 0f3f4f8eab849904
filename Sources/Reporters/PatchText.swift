import CovEngine

/// The sentences that describe patch coverage, shared by the Markdown section, the `covbot/patch`
/// commit status and the check-run annotations so that each says the same thing the same way.
public enum PatchText {
  /// The commit status description: `73.0% of 26 changed lines (floor 80.0)`, `no changed Go lines`.
  ///
  /// Plain text without anything from the results file but numbers, so it always fits GitHub's
  /// 140 characters.
  public static func statusDescription(for patch: PatchResult) -> String {
    let coverage = patch.coverage
    let floor = patch.floor.map { " (floor \($0))" } ?? ""
    guard coverage.total > 0 else {
      return (patch.files.isEmpty ? "no changed Go lines" : "no changed line holds a Go statement") + floor
    }
    return "\(coverage.formatted()) of \(MarkdownText.plural(coverage.total, "changed line"))\(floor)"
  }

  /// What the one-line verdict adds for a patch below its floor, else `nil`.
  static func verdictClause(for patch: PatchResult?) -> String? {
    guard let patch, patch.status == .fail else { return nil }
    return "patch coverage \(patch.coverage.formatted()) below its floor \(patch.floor.map { "\($0)" } ?? "—")"
  }

  /// `Lines 12–14`, or `Line 12` for a single line.
  static func lines(_ range: LineRange) -> String {
    range.start == range.end ? "Line \(range.start)" : "Lines \(range.start)–\(range.end)"
  }

  /// The message of a missed range's annotation.
  static func missedMessage(_ range: LineRange) -> String {
    lines(range) + (range.start == range.end ? " changed here is" : " changed here are") + " not run by any test"
  }

  /// The message of a partly run range's annotation.
  static func partialMessage(_ range: LineRange) -> String {
    lines(range) + (range.start == range.end ? " changed here is" : " changed here are")
      + " only partly run by tests"
  }

  /// `12–14` or `12`: a range as the Markdown table shows it.
  static func shortRange(_ range: LineRange) -> String {
    range.start == range.end ? "\(range.start)" : "\(range.start)–\(range.end)"
  }
}
