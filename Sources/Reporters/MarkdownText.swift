/// Escaping and small formatting helpers for GitHub-flavoured Markdown.
///
/// Templates render with `CONTENT_TYPE: TEXT` (no escaping), so every value from the results
/// passes through here before it reaches a view model.
public enum MarkdownText {
  /// `text` as inert inline Markdown, safe inside a table cell.
  ///
  /// Colour codes and control characters go, line breaks become spaces, Markdown punctuation is
  /// backslash-escaped and `<`, `>`, `&` become entities (so no HTML tag, link, emphasis, code
  /// span or table column can start inside a package name or message). Bidi controls show as
  /// `<U+202E>`, and `@name` gets a zero-width space after the `@` so that GitHub links and
  /// notifies nobody. Longer than `limit` characters, the text is cut with `…`.
  public static func escape(_ text: String, limit: Int = 500) -> String {
    // Scalars, not Characters: a combining mark after `*` must not hide it from the escaping.
    var result = String.UnicodeScalarView()
    var count = 0
    let scalars = Array(plain(text).unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      if count == limit {
        result.append("…")
        break
      }
      count += 1
      switch scalar {
      case "@" where index + 1 < scalars.count && isMentionStart(scalars[index + 1]):
        // What Renovate does in the PR bodies it writes (`@&#8203;user`): GitHub's mention filter
        // no longer sees `@user` or `@org/team`, and the reader still does.
        result.append(contentsOf: "@&#8203;".unicodeScalars)
      case "\\", "`", "*", "_", "[", "]", "|", "~", "#", "!", "{", "}", "(", ")", "$":
        result.append("\\")
        result.append(scalar)
      case "<": result.append(contentsOf: "&lt;".unicodeScalars)
      case ">": result.append(contentsOf: "&gt;".unicodeScalars)
      case "&": result.append(contentsOf: "&amp;".unicodeScalars)
      case "\n", "\t": result.append(" ")
      default: result.append(scalar)
      }
    }
    return String(result)
  }

  /// `text` without ANSI escape sequences and without control characters other than tab and
  /// line feed (carriage returns are dropped), bidi controls shown as `<U+202E>`: what a code
  /// block may show.
  static func plain(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    var iterator = text.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      if scalar == "\u{1B}" {
        skipEscapeSequence(&iterator)
        continue
      }
      switch scalar.value {
      case 0x09, 0x0A: scalars.append(scalar)
      case 0x00..<0x20, 0x7F..<0xA0: continue
      default: scalars.append(contentsOf: revealedBidi(scalar).unicodeScalars)
      }
    }
    return String(scalars)
  }

  /// `text` with every bidi control shown as `<U+202E>` and nothing else changed: for plain-text
  /// places such as annotations, where reordering could make a reviewer misread a name or message
  /// (the "Trojan Source" trick, CVE-2021-42574).
  public static func revealingBidi(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isBidiControl) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { result.append(contentsOf: revealedBidi(scalar).unicodeScalars) }
    return String(result)
  }

  /// Marks, embeddings, overrides and isolates: ALM, LRM, RLM, LRE…RLO, LRI…PDI.
  static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  private static func revealedBidi(_ scalar: Unicode.Scalar) -> String {
    guard isBidiControl(scalar) else { return String(scalar) }
    return "<U+" + String(scalar.value, radix: 16, uppercase: true) + ">"
  }

  /// A character that can start a GitHub user or organisation name after `@`.
  private static func isMentionStart(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
  }

  /// A fenced code block that `text` cannot close early: the fence is longer than any backtick run in it.
  static func codeBlock(_ text: String) -> String {
    let body = plain(text)
    var longest = 0
    var run = 0
    for scalar in body.unicodeScalars {
      run = scalar == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    return fence + "\n" + body + (body.hasSuffix("\n") ? "" : "\n") + fence
  }

  /// A URL made safe for `[text](url)`: characters that would end or break the link are percent-encoded.
  public static func linkDestination(_ url: String) -> String {
    var result = ""
    for scalar in url.unicodeScalars {
      switch scalar {
      case " ", "(", ")", "<", ">", "\"", "\\", "`", "|", "[", "]":
        result += "%" + String(UInt8(scalar.value), radix: 16, uppercase: true)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F { continue }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// `1234567` → `1,234,567`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return value < 0 ? "-" + result : result
  }

  /// Points with a sign and one decimal: `+1.2`, `−3.4` (a true minus sign), `±0.0`.
  static func points(_ value: Double) -> String {
    // The range check keeps a value from a foreign results file from trapping the Int64 conversion.
    guard value.isFinite, abs(value) < 1e15 else { return "?" }
    let tenths = (value * 10).rounded()
    if tenths == 0 { return "±0.0" }
    let magnitude = Int64(abs(tenths))
    return (tenths < 0 ? "−" : "+") + "\(magnitude / 10).\(magnitude % 10)"
  }

  /// `n thing` or `n things`.
  static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(grouped(count)) \(count == 1 ? singular : plural ?? singular + "s")"
  }

  /// Consumes the rest of a CSI (`ESC [ … final`) or two-character escape sequence.
  private static func skipEscapeSequence(_ iterator: inout String.UnicodeScalarView.Iterator) {
    guard let next = iterator.next() else { return }
    guard next == "[" else { return }
    while let scalar = iterator.next() {
      if (0x40...0x7E).contains(scalar.value) { return }
    }
  }
}
