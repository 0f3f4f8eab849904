import Testing

@testable import CovBotSupport

@Suite struct LineSplitterTests {
  /// Feeds `text` in chunks of `chunkSize` bytes and collects the lines.
  private func split(_ text: String, chunkSize: Int, maxLineLength: Int = 4 << 20) -> [String] {
    var splitter = LineSplitter(maxLineLength: maxLineLength)
    var lines: [String] = []
    let bytes = Array(text.utf8)
    var start = 0
    while start < bytes.count {
      let end = min(start + chunkSize, bytes.count)
      bytes[start..<end].withUnsafeBytes { splitter.append($0, emit: { lines.append($0) }) }
      start = end
    }
    splitter.finish(emit: { lines.append($0) })
    return lines
  }

  @Test(arguments: [1, 2, 3, 7, 64, 4096])
  func linesDoNotDependOnHowTheStreamIsChunked(chunkSize: Int) {
    let text = "{\"Action\":\"run\"}\nsecond line\r\n\nünïcode ✓\nlast without newline"
    #expect(
      split(text, chunkSize: chunkSize) == [
        "{\"Action\":\"run\"}", "second line", "", "ünïcode ✓", "last without newline",
      ])
  }

  @Test func aTrailingNewlineMakesNoEmptyLastLine() {
    #expect(split("a\nb\n", chunkSize: 1) == ["a", "b"])
    #expect(split("", chunkSize: 1).isEmpty)
  }

  @Test func overlongLinesArriveInPiecesInsteadOfFailing() {
    let long = String(repeating: "x", count: 25)
    #expect(
      split(long + "\nshort\n", chunkSize: 4, maxLineLength: 10) == ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx", "short"])
  }

  @Test func invalidUTF8IsRepairedNotDropped() {
    var splitter = LineSplitter()
    var lines: [String] = []
    let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0x0A]
    bytes.withUnsafeBytes { splitter.append($0, emit: { lines.append($0) }) }
    #expect(lines == ["a\u{FFFD}b"])
  }
}
