/// Go's convention for generated files: a line `// Code generated … DO NOT EDIT.` before the
/// first text that is neither a comment nor blank (https://go.dev/s/generatedcode).
public enum GeneratedGoFile {
  /// How much of a file is read to decide: the marker sits in the leading comments.
  public static let readLimit = 256 << 10

  /// Whether the file starting with `head` is generated.
  ///
  /// `head` may be a prefix of the file (``readLimit`` bytes): a marker not found in it does not count.
  public static func isGenerated(head: ArraySlice<UInt8>) -> Bool {
    var inBlockComment = false
    var lineStart = head.startIndex
    // Go ignores a byte order mark at the start of a file; so does the marker check.
    if head.starts(with: [0xEF, 0xBB, 0xBF]) { lineStart += 3 }
    while lineStart < head.endIndex {
      let lineEnd = head[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? head.endIndex
      var line = head[lineStart..<lineEnd]
      if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      if !inBlockComment && isMarker(line) { return true }
      switch scan(line, inBlockComment: &inBlockComment) {
      case .code: return false
      case .onlyComments: break
      }
      lineStart = lineEnd == head.endIndex ? lineEnd : lineEnd + 1
    }
    return false
  }

  /// The exact line `^// Code generated .* DO NOT EDIT\.$`.
  private static func isMarker(_ line: ArraySlice<UInt8>) -> Bool {
    let prefix = "// Code generated ".utf8
    let suffix = " DO NOT EDIT.".utf8
    return line.count >= prefix.count + suffix.count && line.starts(with: prefix)
      && line.reversed().starts(with: suffix.reversed())
  }

  private enum LineKind { case code, onlyComments }

  /// Whether a line holds anything but blanks and comments, tracking `/* … */` across lines.
  private static func scan(_ line: ArraySlice<UInt8>, inBlockComment: inout Bool) -> LineKind {
    let bytes = Array(line)
    var index = 0
    while index < bytes.count {
      if inBlockComment {
        if bytes[index] == UInt8(ascii: "*"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
          inBlockComment = false
          index += 2
        } else {
          index += 1
        }
        continue
      }
      switch bytes[index] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0B, 0x0C:
        index += 1
      case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
        return .onlyComments
      case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
        inBlockComment = true
        index += 2
      default:
        return .code
      }
    }
    return .onlyComments
  }
}
