import Foundation

/// A streaming byte-level parser for Go coverprofiles.
///
/// Works on bytes, not `String`s, and reuses the previous file name: profiles list a file's
/// blocks together, so a 100 MB profile parses in a fraction of a second.
struct CoverProfileParser {
  let path: String
  private var profile = CoverProfile()
  private var pending: [UInt8] = []
  private var lineNumber = 0
  private var sawMode = false
  private var lastFileBytes: [UInt8] = []
  private var lastFileName = ""

  init(path: String) {
    self.path = path
  }

  mutating func consume(_ chunk: Data) throws(CoverProfileError) {
    var buffer = pending
    buffer.append(contentsOf: chunk)
    var lineStart = 0
    let count = buffer.count
    var index = 0
    while index < count {
      if buffer[index] == UInt8(ascii: "\n") {
        try parseLine(buffer, lineStart, index)
        lineStart = index + 1
      }
      index += 1
    }
    pending = Array(buffer[lineStart..<count])
  }

  mutating func finish() throws(CoverProfileError) -> CoverProfile {
    if !pending.isEmpty {
      let line = pending
      pending = []
      try parseLine(line, 0, line.count)
    }
    guard sawMode else {
      throw CoverProfileError(path: path, line: nil, reason: "no `mode:` line; the profile is empty")
    }
    return profile
  }

  private mutating func parseLine(_ bytes: [UInt8], _ start: Int, _ rawEnd: Int) throws(CoverProfileError) {
    lineNumber += 1
    var end = rawEnd
    if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    if end == start { return }
    let isModeLine = bytes[start..<end].starts(with: Self.modePrefix)
    guard sawMode || isModeLine else { throw error("the first line must be `mode: set|count|atomic`") }
    if isModeLine {
      // Concatenated profiles repeat the mode line; a different mode cannot be merged.
      let name = String(decoding: bytes[(start + Self.modePrefix.count)..<end], as: UTF8.self)
        .trimmingCharacters(in: .whitespaces)
      guard let mode = CoverProfile.Mode(rawValue: name) else { throw error("unknown mode \"\(name)\"") }
      try profile.setMode(mode, path: path, line: lineNumber)
      sawMode = true
      return
    }

    // Parse from the end: `<file>:<sl>.<sc>,<el>.<ec> <statements> <count>`.
    var cursor = end - 1
    let count = try number(bytes, &cursor, lowerBound: start, what: "execution count")
    try expect(bytes, &cursor, UInt8(ascii: " "), lowerBound: start)
    let statements = try number(bytes, &cursor, lowerBound: start, what: "statement count")
    try expect(bytes, &cursor, UInt8(ascii: " "), lowerBound: start)
    let endColumn = try number(bytes, &cursor, lowerBound: start, what: "end column")
    try expect(bytes, &cursor, UInt8(ascii: "."), lowerBound: start)
    let endLine = try number(bytes, &cursor, lowerBound: start, what: "end line")
    try expect(bytes, &cursor, UInt8(ascii: ","), lowerBound: start)
    let startColumn = try number(bytes, &cursor, lowerBound: start, what: "start column")
    try expect(bytes, &cursor, UInt8(ascii: "."), lowerBound: start)
    let startLine = try number(bytes, &cursor, lowerBound: start, what: "start line")
    try expect(bytes, &cursor, UInt8(ascii: ":"), lowerBound: start)
    let fileEnd = cursor + 1
    guard fileEnd > start else { throw error("missing file name") }
    guard statements <= Int64(Int32.max), startLine <= Int64(Int32.max), endLine <= Int64(Int32.max),
      startColumn <= Int64(Int32.max), endColumn <= Int64(Int32.max)
    else { throw error("number out of range") }

    let fileBytes = bytes[start..<fileEnd]
    if !fileBytes.elementsEqual(lastFileBytes) {
      lastFileBytes = Array(fileBytes)
      lastFileName = String(decoding: fileBytes, as: UTF8.self)
    }
    let key = CoverProfile.BlockKey(
      startLine: Int32(startLine), startColumn: Int32(startColumn), endLine: Int32(endLine),
      endColumn: Int32(endColumn))
    profile.add(file: lastFileName, key: key, statements: Int32(statements), count: count)
  }

  /// Reads a decimal number ending at `cursor` (inclusive), moving `cursor` before it.
  private func number(
    _ bytes: [UInt8], _ cursor: inout Int, lowerBound: Int, what: String
  ) throws(CoverProfileError)
    -> Int64
  {
    var value: Int64 = 0
    var multiplier: Int64 = 1
    var digits = 0
    while cursor >= lowerBound, bytes[cursor] >= UInt8(ascii: "0"), bytes[cursor] <= UInt8(ascii: "9") {
      guard digits < 18 else { throw error("\(what) is too large") }
      value += Int64(bytes[cursor] - UInt8(ascii: "0")) * multiplier
      multiplier *= 10
      digits += 1
      cursor -= 1
    }
    guard digits > 0 else { throw error("expected the \(what)") }
    return value
  }

  private func expect(
    _ bytes: [UInt8], _ cursor: inout Int, _ byte: UInt8, lowerBound: Int
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
