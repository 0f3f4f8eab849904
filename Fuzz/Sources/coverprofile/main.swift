import FuzzSupport

@testable import CovEngine

/// Go's coverprofile format: the parser must never trap, keep every count non-negative (duplicates
/// add up), and read back exactly what it parsed once written out again.
runFuzzer { data in
  guard let profile = try? CoverProfile.parse(String(decoding: data, as: UTF8.self)) else { return }
  var text = "mode: \((profile.mode ?? .set).rawValue)\n"
  // The parser reads at most 18 digits; merged duplicates may legitimately sum past that.
  var readable = true
  for (file, blocks) in profile.files.sorted(by: { $0.key < $1.key }) {
    for (key, value) in blocks {
      oracle(value.statements >= 0, "negative statement count \(value.statements) in \(file)")
      oracle(value.count >= 0, "negative execution count \(value.count) in \(file) (a sum wrapped)")
      // Reversed blocks (end before start) are kept, as Go's own parser keeps them; CoverBlock's
      // spannedLines ignores them. What must hold is that a block spans nothing outside itself.
      let block = CoverBlock(
        startLine: Int(key.startLine), startColumn: Int(key.startColumn), endLine: Int(key.endLine),
        endColumn: Int(key.endColumn), statements: Int(value.statements), count: value.count)
      if let span = block.spannedLines {
        oracle(span.lowerBound >= block.startLine && span.upperBound <= block.endLine, "span outside \(block)")
      }
      readable = readable && value.count <= 999_999_999_999_999_999
      text +=
        "\(file):\(key.startLine).\(key.startColumn),\(key.endLine).\(key.endColumn) \(value.statements) \(value.count)\n"
    }
  }
  guard readable else { return }
  let again: CoverProfile
  do {
    again = try CoverProfile.parse(text)
  } catch {
    fatalError("oracle: the re-serialised profile does not parse: \(error)\n\(text)")
  }
  oracle(again.mode == (profile.mode ?? .set), "mode changed")
  oracle(again.files.count == profile.files.count, "file count changed")
  for (file, blocks) in profile.files {
    let other = again.files[file] ?? [:]
    oracle(other.count == blocks.count, "block count changed in \(file)")
    for (key, value) in blocks {
      let copy = other[key]
      oracle(
        copy?.statements == value.statements && copy?.count == value.count,
        "block \(key) of \(file) changed: \(value) → \(String(describing: copy))")
    }
  }
}
