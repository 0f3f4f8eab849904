import CovEngine

/// Patch coverage in words: the one-line summary and the line ranges every text reporter shows.
public enum PatchText {
  /// `73.1% of 26 changed lines (floor 80.0)`; `no changed line holds a statement` when none counts.
  ///
  /// "Changed lines" are the counted ones (covered + partial + missed): blank lines, comments and
  /// declarations without statements are changed too, but no test can run them.
  public static func summary(_ patch: PatchResult) -> String {
    let counted = patch.coverage.total
    var text =
      counted == 0
      ? "no changed line holds a statement"
      : "\(patch.coverage.formatted()) of \(counted) changed line\(counted == 1 ? "" : "s")"
    if let floor = patch.floor { text += " (floor \(floor))" }
    return text
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
    ranges.map { $0.count == 1 ? "\($0.start)" : "\($0.start)–\($0.end)" }.joined(separator: ", ")
  }

  /// The upper-case status word: `PASS`, `FAIL` or `INFO`.
  public static func label(_ status: PatchStatus) -> String { status.rawValue.uppercased() }
}
