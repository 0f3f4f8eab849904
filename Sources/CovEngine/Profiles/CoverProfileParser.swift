import Foundation

/// A streaming byte-level parser for Go coverprofiles.
///
/// Works on raw bytes, never builds a `String` per line, and fills one file's block map at a
/// time (profiles list a file's blocks together), so a 100 MB profile parses in a fraction of
/// a second.
struct CoverProfileParser {
  let path: String
  private var profile = CoverProfile()
  private var pending: [UInt8] = []
  private var lineNumber = 0
  private var sawMode = false
  private var currentFileBytes: [UInt8] = []
  private var currentFile = ""
  private var currentBlocks: [CoverProfile.BlockKey: CoverProfile.BlockValue] = [:]

  init(path: String) {
    self.path = path
  }

  mutating func consume(_ chunk: Data) throws(CoverProfileError) {
    var failure: CoverProfileError?
    chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      var lineStart = 0
      // A line split across chunks: complete it first.
      if !pending.isEmpty {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else {
          pending.append(contentsOf: bytes)
          return
        }
        pending.append(contentsOf: bytes[..<newline])
        let line = pending
        pending.removeAll(keepingCapacity: true)
        line.withUnsafeBufferPointer { lineBytes in
          do throws(CoverProfileError) { try parseLine(lineBytes, 0, lineBytes.count) } catch { failure = error }
        }
        if failure != nil { return }
        lineStart = newline + 1
      }
      var index = lineStart
      let count = bytes.count
      while index < count {
        if bytes[index] == UInt8(ascii: "\n") {
          do throws(CoverProfileError) {
            try parseLine(bytes, lineStart, index)
          } catch {
            failure = error
            return
          }
          lineStart = index + 1
        }
        index += 1
      }
      pending.append(contentsOf: bytes[lineStart..<count])
    }
    if let failure { throw failure }
  }

  mutating func finish() throws(CoverProfileError) -> CoverProfile {
    if !pending.isEmpty {
      let line = pending
      pending = []
      var failure: CoverProfileError?
      line.withUnsafeBufferPointer { bytes in
        do throws(CoverProfileError) { try parseLine(bytes, 0, bytes.count) } catch { failure = error }
      }
      if let failure { throw failure }
    }
    guard sawMode else {
      throw CoverProfileError(path: path, line: nil, reason: "no `mode:` line; the profile is empty")
    }
    flushFile()
    return profile
  }

  private mutating func flushFile() {
    guard !currentBlocks.isEmpty else { return }
    profile.add(file: currentFile, blocks: currentBlocks)
    currentBlocks.removeAll(keepingCapacity: true)
  }

  private mutating func parseLine(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ rawEnd: Int
  )
    throws(CoverProfileError)
  {
    lineNumber += 1
    var end = rawEnd
    if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    if end == start { return }
    let isModeLine = end - start >= 5 && bytes[start..<(start + 5)].elementsEqual(Self.modePrefix)
    guard sawMode || isModeLine else { throw error("the first line must be `mode: set|count|atomic`") }
    if isModeLine {
      // Concatenated profiles repeat the mode line; a different mode cannot be merged.
      let name = String(decoding: bytes[(start + 5)..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
      guard let mode = CoverProfile.Mode(rawValue: name) else { throw error("unknown mode \"\(name)\"") }
      try profile.setMode(mode, path: path, line: lineNumber)
      sawMode = true
      return
    }

    // Parse from the end: `<file>:<sl>.<sc>,<el>.<ec> <statements> <count>`.
    var cursor = end - 1
    let count = try number(bytes, &cursor, start, "execution count")
    try expect(bytes, &cursor, start, UInt8(ascii: " "))
    let statements = try number(bytes, &cursor, start, "statement count")
    try expect(bytes, &cursor, start, UInt8(ascii: " "))
    let endColumn = try number(bytes, &cursor, start, "end column")
    try expect(bytes, &cursor, start, UInt8(ascii: "."))
    let endLine = try number(bytes, &cursor, start, "end line")
    try expect(bytes, &cursor, start, UInt8(ascii: ","))
    let startColumn = try number(bytes, &cursor, start, "start column")
    try expect(bytes, &cursor, start, UInt8(ascii: "."))
    let startLine = try number(bytes, &cursor, start, "start line")
    try expect(bytes, &cursor, start, UInt8(ascii: ":"))
    let fileEnd = cursor + 1
    guard fileEnd > start else { throw error("missing file name") }
    let limit = Int64(Int32.max)
    guard statements <= limit, startLine <= limit, endLine <= limit, startColumn <= limit, endColumn <= limit else {
      throw error("number out of range")
    }

    let fileBytes = UnsafeBufferPointer(rebasing: bytes[start..<fileEnd])
    if !fileBytes.elementsEqual(currentFileBytes) {
      flushFile()
      currentFileBytes = Array(fileBytes)
      currentFile = String(decoding: fileBytes, as: UTF8.self)
    }
    let key = CoverProfile.BlockKey(
      startLine: Int32(startLine), startColumn: Int32(startColumn), endLine: Int32(endLine),
      endColumn: Int32(endColumn))
    currentBlocks[key, default: CoverProfile.BlockValue(statements: Int32(statements), count: 0)]
      .merge(count: count, or: profile.mode == .set)
  }

  /// Reads a decimal number ending at `cursor` (inclusive), moving `cursor` before it.
  private func number(
    _ bytes: UnsafeBufferPointer<UInt8>, _ cursor: inout Int, _ lowerBound: Int, _ what: String
  )
    throws(CoverProfileError) -> Int64
  {
    var value: Int64 = 0
    var multiplier: Int64 = 1
    var digits = 0
    while cursor >= lowerBound, bytes[cursor] &- UInt8(ascii: "0") < 10 {
      guard digits < 18 else { throw error("\(what) is too large") }
      value += Int64(bytes[cursor] &- UInt8(ascii: "0")) * multiplier
      multiplier *= 10
      digits += 1
      cursor -= 1
    }
    guard digits > 0 else { throw error("expected the \(what)") }
    return value
  }

  private func expect(
    _ bytes: UnsafeBufferPointer<UInt8>, _ cursor: inout Int, _ lowerBound: Int, _ byte: UInt8
  )
    throws(CoverProfileError)
  {
    guard cursor >= lowerBound, bytes[cursor] == byte else {
      throw error("malformed block; expected `file.go:line.col,line.col statements count`")
    }
    cursor -= 1
  }

  private func error(_ reason: String) -> CoverProfileError {
    CoverProfileError(path: path, line: lineNumber, reason: reason)
  }

  private static let modePrefix = Array("mode:".utf8)
}
