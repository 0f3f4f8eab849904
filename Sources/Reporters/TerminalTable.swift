import CovEngine
import Foundation

/// The `covbot gate` table: STATUS, COVERAGE, FLOOR, TIME, PACKAGE, in import-path order.
public enum TerminalTable {
  /// Renders the table, the failure details, the patch line, and the verdict line; with
  /// `showUncovered`, the patch's missed and partial line ranges per file.
  public static func render(
    _ results: CovResults, style: TerminalStyle = .plain, showUncovered: Bool = false
  ) -> String {
    var lines: [String] = []
    let statusWidth = PackageStatus.allCases.map(\.label.count).max() ?? 0
    lines.append(
      style.bold(
        pad("STATUS", statusWidth) + "  " + pad("COVERAGE", 8, right: true) + "  " + pad("FLOOR", 6, right: true)
          + "  " + pad("TIME", 7, right: true) + "  PACKAGE"))
    for package in results.packages {
      var row =
        style.status(PackageStatusLabel(status: package.status, width: statusWidth)) + "  "
        + pad(package.coverage.formatted(), 8, right: true) + "  "
        + pad(package.status == .skipped ? "—" : "\(package.floor)", 6, right: true) + "  "
        + pad(package.status == .skipped ? "—" : duration(package.durationSeconds), 7, right: true) + "  "
        + TerminalText.line(package.importPath)
      if package.floorSource == .default && package.status != .skipped { row += style.dim(" (default floor)") }
      if let suggestion = package.suggestedFloor {
        row += "  → write \(suggestion) to \(package.floorFile ?? FloorFile.fileName)"
      }
      if package.status == .skipped, let reason = package.skipReason { row += style.dim(" (\(reason.rawValue))") }
      lines.append(row)
    }

    let attention = results.packages.filter(\.status.isFailure)
    if !attention.isEmpty {
      lines.append("")
      for package in attention.sorted(by: { ($0.status, $0.importPath) < ($1.status, $1.importPath) }) {
        lines.append(
          style.status(PackageStatusLabel(status: package.status, width: 0)) + " "
            + TerminalText.line(package.importPath))
        lines.append("    " + TerminalText.line(package.reason))
        if package.status != .fail {
          let output = FailureExcerpt.lines(of: TerminalText.block(package.output), limit: 12)
          lines.append(contentsOf: output.map { "    │ " + $0 })
        }
      }
    }
    lines.append("")
    if let patch = results.patch {
      lines.append(patchLine(patch, style: style))
      if showUncovered { lines += uncoveredLines(patch) }
    }
    lines.append(verdictLine(results, style: style))
    return lines.joined(separator: "\n") + "\n"
  }

  /// `PATCH 73.1% of 26 changed lines (floor 80.0): 19 covered, 2 partial, 5 missed`, the label
  /// coloured by the patch's status (`PATCH` alone when it is information only).
  public static func patchLine(_ patch: PatchResult, style: TerminalStyle = .plain) -> String {
    let label =
      switch patch.status {
      case .pass: style.paint("PATCH PASS", "1;32")
      case .fail: style.paint("PATCH FAIL", "1;31")
      case .info: style.bold("PATCH")
      }
    let breakdown = PatchText.breakdown(patch)
    return "\(label) \(PatchText.summary(patch))" + (breakdown.isEmpty ? "" : ": " + breakdown)
  }

  /// The patch line, then (with `showUncovered`) the uncovered ranges, newline-terminated.
  public static func patchLines(_ patch: PatchResult, style: TerminalStyle = .plain, showUncovered: Bool) -> String {
    ([patchLine(patch, style: style)] + (showUncovered ? uncoveredLines(patch) : [])).joined(separator: "\n") + "\n"
  }

  /// One line per changed file with missed or partial lines, most missed first, then the files
  /// the measurement never saw.
  static func uncoveredLines(_ patch: PatchResult) -> [String] {
    var lines: [String] = []
    let uncovered = patch.files.filter { $0.missedLines + $0.partialLines > 0 }
      .sorted { ($1.missedLines, $1.partialLines, $0.path) < ($0.missedLines, $0.partialLines, $1.path) }
    for file in uncovered {
      var parts: [String] = []
      if !file.missedRanges.isEmpty { parts.append("missed \(PatchText.ranges(file.missedRanges))") }
      if !file.partialRanges.isEmpty { parts.append("partial \(PatchText.ranges(file.partialRanges))") }
      lines.append("    \(TerminalText.line(file.path)): \(parts.joined(separator: "; "))")
    }
    for file in patch.files where !file.measured {
      lines.append(
        "    \(TerminalText.line(file.path)): not measured (no coverage block: build tags, or its package was not run)")
    }
    return lines
  }

  /// `FAIL: 1 fail, 1 loose, 3 pass of 6 packages · total 81.3% · pre-warm 1.2s, measure 8.4s, total 10.1s`
  public static func verdictLine(_ results: CovResults, style: TerminalStyle = .plain) -> String {
    let verdict = results.verdict
    let counts = PackageStatus.allCases.sorted().compactMap { status -> String? in
      let count = verdict.count(status)
      return count == 0 ? nil : "\(count) \(status.rawValue)"
    }
    let head =
      results.interrupted
      ? style.paint("INTERRUPTED", "1;31") : verdict.passed ? style.paint("PASS", "1;32") : style.paint("FAIL", "1;31")
    let timings = results.timings
    var time = "measure \(duration(timings.measureSeconds)), total \(duration(timings.totalSeconds))"
    if timings.prewarmSeconds > 0 { time = "pre-warm \(duration(timings.prewarmSeconds)), " + time }
    return "\(head): \(counts.joined(separator: ", ")) of \(results.packages.count) packages · total "
      + "\(verdict.coverage.formatted()) · \(results.strategy.rawValue) · \(time)"
  }

  /// `0.42s`, `12.3s`, `2m05s`.
  public static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "?" }
    if seconds < 10 { return String(format: "%.2fs", seconds) }
    if seconds < 60 { return String(format: "%.1fs", seconds) }
    // Capped so that a duration from a foreign results file cannot trap the Int conversion.
    let whole = Int(min(seconds, 1e15).rounded())
    return String(format: "%dm%02ds", whole / 60, whole % 60)
  }

  static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
  }
}

/// A status label padded to a column width (padding outside the colour codes).
struct PackageStatusLabel {
  var status: PackageStatus
  var width: Int

  var padded: String { TerminalTable.pad(status.label, width) }
}
