import CovEngine

/// The sentences that describe patch coverage, shared by the terminal, JUnit, the Markdown
/// section, the `covbot/patch` commit status and the check-run annotations so that each says the
/// same thing the same way.
public enum PatchText {
  /// `73.0% of 26 changed lines (floor 80.0)`; `no changed Go lines` or `no changed line holds a Go
  /// statement` when none counts. Also the commit status description.
  ///
  /// "Changed lines" are the counted ones (covered + partial + missed): blank lines, comments and
  /// declarations without statements are changed too, but no test can run them. Plain text with
  /// nothing from the results file but numbers, so it always fits GitHub's 140 characters.
  public static func summary(_ patch: PatchResult) -> String {
    let coverage = patch.coverage
    let floor = patch.floor.map { " (floor \($0))" } ?? ""
    guard coverage.total > 0 else {
      return (patch.files.isEmpty ? "no changed Go lines" : "no changed line holds a Go statement") + floor
    }
    return "\(coverage.formatted()) of \(MarkdownText.plural(coverage.total, "changed line"))\(floor)"
  }

  /// `19 covered, 2 partial, 5 missed, 1 changed file not measured`: the counts behind
  /// ``summary(_:)``; empty when there is nothing to add.
  public static func breakdown(_ patch: PatchResult) -> String {
    var parts: [String] = []
    if patch.coverage.total > 0 {
      parts = ["\(patch.coveredLines) covered", "\(patch.partialLines) partial", "\(patch.missedLines) missed"]
    }
    let unmeasured = patch.files.count { !$0.measured }
    if unmeasured > 0 { parts.append("\(unmeasured) changed file\(unmeasured == 1 ? "" : "s") not measured") }
    return parts.joined(separator: ", ")
  }

  /// `12–14, 20`.
  public static func ranges(_ ranges: [LineRange]) -> String {
    ranges.map(shortRange).joined(separator: ", ")
  }

  /// The upper-case status word: `PASS`, `FAIL` or `INFO`.
  public static func label(_ status: PatchStatus) -> String { status.rawValue.uppercased() }

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

  /// `12–14` or `12`: one range as text.
  static func shortRange(_ range: LineRange) -> String {
    range.start == range.end ? "\(range.start)" : "\(range.start)–\(range.end)"
  }
}
