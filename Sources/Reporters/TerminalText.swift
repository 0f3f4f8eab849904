/// Text from outside (package and test names, test output) made safe for a terminal or CI log.
///
/// A test can print escape sequences (clearing the screen, retitling the window) or a line break
/// followed by `::warning::` (a workflow command in an Actions log); neither may pass through
/// covbot's own output as if covbot had written it.
public enum TerminalText {
  /// One line (a name): escape sequences and control characters removed, line breaks shown as `\n`.
  public static func line(_ text: String) -> String {
    var result = ""
    for scalar in MarkdownText.plain(text).unicodeScalars {
      switch scalar {
      case "\n": result += "\\n"
      case "\t": result += " "
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Several lines (test output): escape sequences and control characters removed, line breaks kept.
  public static func block(_ text: String) -> String {
    MarkdownText.plain(text)
  }
}
