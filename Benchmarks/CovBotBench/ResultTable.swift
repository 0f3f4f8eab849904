import CovEngine
import Foundation

/// The side-by-side table of every configuration, as plain text and as Markdown.
struct ResultTable: Sendable {
  /// The rows, in configuration order.
  var rows: [BenchRow]

  /// The reference row (c), when it was measured.
  var reference: BenchRow? { rows.first { $0.configuration == .reference && $0.failure == nil } }

  private static let headers = [
    "configuration", "wall s", "CPU s", "wall ÷ (c)", "CPU ÷ (c)", "pre-warm s", "covbot CPU s", "overhead",
  ]

  /// One row's cells; a failed configuration gets its failure note number instead of numbers.
  private func cells(_ row: BenchRow, note: Int?) -> [String] {
    if let note { return [row.configuration.title, "failed, see note \(note)"] + Array(repeating: "", count: 6) }
    let ratio = { (value: Double?, base: Double?) -> String in
      guard let value, let base, base > 0 else { return "—" }
      return String(format: "%.2f×", value / base)
    }
    var title = row.configuration.title
    if row.configuration == .covbotAuto, let chosen = row.lastOutcome?.results?.strategy {
      title += " → \(chosen.rawValue)"
    }
    return [
      title,
      Self.format(row.wallSeconds),
      Self.format(row.cpuSeconds),
      ratio(row.wallSeconds, reference?.wallSeconds),
      ratio(row.cpuSeconds, reference?.cpuSeconds),
      Self.format(row.prewarmSeconds),
      Self.format(row.covbotCPUSeconds, digits: 2),
      row.covbotOverheadPercent.map { String(format: "%.2f%%", $0) } ?? "",
    ]
  }

  /// The notes: failures first (the table points at them by number), then other problems.
  var notes: [String] {
    var notes = rows.compactMap { row in row.failure.map { "\(row.configuration.rawValue): \($0)" } }
    for row in rows {
      for problem in Set(row.outcomes.flatMap(\.problems)).sorted() {
        notes.append("\(row.configuration.rawValue) (timing kept): \(problem)")
      }
    }
    return notes
  }

  private func noteNumbers() -> [BenchConfiguration: Int] {
    var numbers: [BenchConfiguration: Int] = [:]
    var next = 1
    for row in rows where row.failure != nil {
      numbers[row.configuration] = next
      next += 1
    }
    return numbers
  }

  /// The table as aligned plain text, notes below.
  func text() -> String {
    let numbers = noteNumbers()
    let body = rows.map { cells($0, note: numbers[$0.configuration]) }
    var widths = Self.headers.map(\.count)
    for cells in body where cells[2] != "" {
      for (column, cell) in cells.enumerated() { widths[column] = max(widths[column], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      if cells[2] == "" && cells[1].hasPrefix("failed") { return cells[0].padded(to: widths[0]) + "  " + cells[1] }
      return cells.enumerated().map { column, cell in
        column == 0 ? cell.padded(to: widths[column]) : cell.leftPadded(to: widths[column])
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }
    var text = ([Self.headers] + body).map(line).joined(separator: "\n") + "\n"
    let notes = notes
    if !notes.isEmpty {
      text += "\nnotes:\n"
      for (number, note) in notes.enumerated() { text += "  \(number + 1). \(note)\n" }
    }
    return text
  }

  /// The table as GitHub-flavoured Markdown, notes below.
  func markdown() -> String {
    let numbers = noteNumbers()
    var text = "| " + Self.headers.joined(separator: " | ") + " |\n"
    text += "|" + Self.headers.indices.map { $0 == 0 ? " --- " : " ---: " }.joined(separator: "|") + "|\n"
    for row in rows {
      let cells = cells(row, note: numbers[row.configuration]).map { $0.replacingOccurrences(of: "|", with: "\\|") }
      text += "| " + cells.joined(separator: " | ") + " |\n"
    }
    let notes = notes
    if !notes.isEmpty {
      text += "\n"
      for (number, note) in notes.enumerated() {
        let oneLine = note.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
          .joined(separator: " ")
        text += "\(number + 1). \(oneLine.count > 400 ? oneLine.prefix(400) + " …" : oneLine[...])\n"
      }
    }
    return text
  }

  private static func format(_ value: Double?, digits: Int = 1) -> String {
    value.map { String(format: "%.\(digits)f", $0) } ?? ""
  }
}

extension String {
  fileprivate func padded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }

  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }

  fileprivate func trimmingTrailingSpaces() -> String {
    String(self[..<(lastIndex { $0 != " " }.map { index(after: $0) } ?? startIndex)])
  }
}
