import FuzzSupport

/// The Markdown table oracle: every row of a table has as many cells as its header.
enum MarkdownTables {
  /// Fails when a table row's unescaped `|` count differs from its header's.
  ///
  /// Fenced code blocks are skipped (a go output line starting with `|` is no table row there).
  static func check(_ text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var fence: (character: Character, length: Int)?
    var header: (line: String, pipes: Int)?
    var index = 0
    while index < lines.count {
      let line = lines[index]
      let trimmed = line.drop { $0 == " " }
      if let open = fence {
        let run = trimmed.prefix { $0 == open.character }
        if run.count >= open.length && trimmed.dropFirst(run.count).allSatisfy({ $0 == " " }) { fence = nil }
        index += 1
        continue
      }
      if let marker = trimmed.first, marker == "`" || marker == "~" {
        let run = trimmed.prefix { $0 == marker }
        if run.count >= 3 {
          fence = (marker, run.count)
          header = nil
          index += 1
          continue
        }
      }
      if let current = header {
        if line.hasPrefix("|") {
          let pipes = unescapedPipes(line)
          oracle(
            pipes == current.pipes,
            "table row has \(pipes) pipes, header \(current.pipes):\n\(current.line)\n\(line)")
        } else {
          header = nil
        }
      } else if line.hasPrefix("|"), index + 1 < lines.count, isDelimiterRow(lines[index + 1]) {
        header = (line, unescapedPipes(line))
        let delimiter = unescapedPipes(lines[index + 1])
        oracle(delimiter == header!.pipes, "delimiter row differs from header:\n\(line)\n\(lines[index + 1])")
        index += 1
      }
      index += 1
    }
  }

  /// `|` characters not preceded by an escaping backslash.
  static func unescapedPipes(_ line: String) -> Int {
    var count = 0
    var escaped = false
    for byte in line.utf8 {
      if escaped {
        escaped = false
      } else if byte == UInt8(ascii: "\\") {
        escaped = true
      } else if byte == UInt8(ascii: "|") {
        count += 1
      }
    }
    return count
  }

  /// `|---|:--:|` and the like.
  static func isDelimiterRow(_ line: String) -> Bool {
    line.hasPrefix("|") && line.contains("-") && line.allSatisfy { "|-: ".contains($0) }
  }
}
