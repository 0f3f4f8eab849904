import CovEngine

/// The threshold diff as plain text for a terminal or CI log (`covbot report --diff`).
///
/// Lowered floors come first, then the drops (largest first), the other floor changes, and every
/// package with its coverage before and after.
public enum ThresholdDiffText {
  /// Renders `diff`; `style` colours drops and lowered floors red, gains green.
  public static func render(_ diff: ThresholdDiff, style: TerminalStyle = .plain) -> String {
    let base = diff.baseCommit.map { "base \($0.prefix(12))" } ?? "base"
    let drops = diff.drops
    let lowered = diff.loweredFloors
    let others = diff.floorChanges.filter { $0.kind != .lowered }
    let added = diff.packages.count { $0.presence == .added }
    let removed = diff.packages.count { $0.presence == .removed }
    var lines: [String] = []
    lines.append(
      style.bold("Coverage vs \(base): ")
        + [
          MarkdownText.plural(drops.count, "package") + " lost coverage",
          MarkdownText.plural(lowered.count, "floor") + " lowered",
          MarkdownText.plural(others.count, "other floor change"),
          "\(added) added",
          "\(removed) removed",
        ].joined(separator: ", "))
    let width = min(80, diff.packages.map(\.importPath.count).max() ?? 7)

    if !lowered.isEmpty {
      lines += ["", style.paint("LOWERED FLOORS", "1;31")]
      for change in lowered {
        lines.append("  " + pad(change.importPath, width) + "  " + floors(change.from, change.to))
      }
    }
    if !drops.isEmpty {
      lines += ["", style.bold("DROPS")]
      for delta in drops {
        lines.append(
          "  " + pad(delta.importPath, width) + "  " + percent(delta.basePercent) + " → " + percent(delta.headPercent)
            + "  " + style.paint(MarkdownText.points(delta.deltaPoints ?? 0), "31"))
      }
    }
    if !others.isEmpty {
      lines += ["", style.bold("FLOOR CHANGES")]
      for change in others {
        let kind = pad(change.kind.rawValue, 7)
        lines.append(
          "  " + (change.kind == .raised ? style.paint(kind, "32") : kind) + "  " + pad(change.importPath, width) + "  "
            + floors(change.from, change.to))
      }
    }
    lines += [
      "",
      style.bold(
        pad("PACKAGE", width) + "  " + pad("BASE", 7, right: true) + "  "
          + pad("NOW", 7, right: true) + "  " + pad("CHANGE", 6, right: true) + "  FLOOR"),
    ]
    for delta in diff.packages {
      var change =
        delta.deltaPoints.map(MarkdownText.points) ?? (delta.presence == .both ? "—" : delta.presence.rawValue)
      if let points = delta.deltaPoints, change != "±0.0" { change = style.paint(change, points < 0 ? "31" : "32") }
      let floor =
        delta.baseFloor == delta.headFloor
        ? delta.headFloor.map { "\($0)" } ?? "—" : floors(delta.baseFloor, delta.headFloor)
      lines.append(
        pad(delta.importPath, width) + "  " + pad(percent(delta.basePercent), 7, right: true) + "  "
          + pad(percent(delta.headPercent), 7, right: true) + "  "
          + String(repeating: " ", count: max(0, 6 - visibleCount(change))) + change + "  " + floor)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func floors(_ from: Percent?, _ to: Percent?) -> String {
    "\(from.map { "\($0)" } ?? "—") → \(to.map { "\($0)" } ?? "—")"
  }

  private static func percent(_ value: Double?) -> String { ReportContent.percent(value) }

  private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    TerminalTable.pad(text, width, right: right)
  }

  /// Characters a terminal shows: ANSI colour codes take no room.
  private static func visibleCount(_ text: String) -> Int { MarkdownText.plain(text).count }
}
