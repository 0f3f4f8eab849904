/// Cuts a byte stream into lines as chunks of it arrive.
///
/// swift-subprocess's `strings()` walks its buffers one byte at a time through generic async
/// iterators, which cost more CPU than everything else covbot does in a run, and it throws on a
/// line over 128 KiB. This scans each chunk for newlines in one pass and never throws: a line
/// longer than `maxLineLength` is handed over in pieces instead.
struct LineSplitter {
  /// Longer lines are cut into pieces of this many bytes.
  var maxLineLength: Int
  private var pending: [UInt8] = []

  init(maxLineLength: Int = 4 << 20) {
    self.maxLineLength = maxLineLength
  }

  /// Hands every line completed by `chunk` to `emit`, without its line break (`\n` or `\r\n`).
  mutating func append(_ chunk: UnsafeRawBufferPointer, emit: (String) -> Void) {
    var lineStart = 0
    for index in chunk.indices where chunk[index] == UInt8(ascii: "\n") {
      let piece = UnsafeRawBufferPointer(rebasing: chunk[lineStart..<index])
      if pending.isEmpty {
        emit(Self.text(piece))
      } else {
        pending.append(contentsOf: piece)
        emit(pending.withUnsafeBytes { Self.text($0) })
        pending.removeAll(keepingCapacity: true)
      }
      lineStart = index + 1
    }
    pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[lineStart...]))
    while pending.count >= maxLineLength {
      emit(pending.prefix(maxLineLength).withUnsafeBytes { Self.text($0, keepingCarriageReturn: true) })
      pending.removeFirst(maxLineLength)
    }
  }

  /// Hands over the last line when the stream did not end with a line break.
  mutating func finish(emit: (String) -> Void) {
    guard !pending.isEmpty else { return }
    emit(pending.withUnsafeBytes { Self.text($0) })
    pending.removeAll()
  }

  private static func text(_ bytes: UnsafeRawBufferPointer, keepingCarriageReturn: Bool = false) -> String {
    var line = bytes
    if !keepingCarriageReturn, line.last == UInt8(ascii: "\r") {
      line = UnsafeRawBufferPointer(rebasing: line.dropLast())
    }
    return String(decoding: line, as: UTF8.self)
  }
}
