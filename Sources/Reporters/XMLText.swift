/// Makes arbitrary text (go test output with colour codes, stray bytes) safe for XML 1.0.
///
/// libxml2 2.9's writer passes forbidden characters such as ESC (0x1B) through unchanged and does
/// not split `]]>` inside CDATA, so its output would not be well-formed without this.
enum XMLText {
  /// `text` with every scalar XML 1.0 forbids replaced by U+FFFD.
  ///
  /// Allowed: tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
  /// (Swift strings cannot hold surrogates or invalid UTF-8; ``sanitized(utf8:)`` repairs bytes.)
  static func sanitized(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      result.append(isAllowed(scalar) ? scalar : replacement)
    }
    return String(result)
  }

  /// Decodes `bytes` as UTF-8 (invalid sequences become U+FFFD), then sanitizes the result.
  static func sanitized(utf8 bytes: some Collection<UInt8>) -> String {
    sanitized(String(decoding: bytes, as: UTF8.self))
  }

  /// Splits sanitized `text` so that no piece contains `]]>`: each piece can be one CDATA section.
  ///
  /// `a]]>b` becomes `a]]` and `>b`, written as `<![CDATA[a]]]]><![CDATA[>b]]>`.
  static func cdataPieces(_ text: String) -> [String] {
    // Scalars, not Characters: a combining mark after `>` must not hide the terminator.
    var pieces: [String] = []
    var current = String.UnicodeScalarView()
    var closingBrackets = 0
    for scalar in text.unicodeScalars {
      if scalar == ">" && closingBrackets >= 2 {
        pieces.append(String(current))
        current = String.UnicodeScalarView()
      }
      closingBrackets = scalar == "]" ? closingBrackets + 1 : 0
      current.append(scalar)
    }
    pieces.append(String(current))
    return pieces
  }

  static let replacement: Unicode.Scalar = "\u{FFFD}"

  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD: true
    case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }
}
