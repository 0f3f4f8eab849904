import Foundation

/// The part of a failure's output worth showing when it must be cut short.
///
/// A panic or a test timeout puts the line that matters (`panic: …`, `panic: test timed out
/// after 5s`) first and a long goroutine dump after it; the tail alone would show only stack
/// frames. So the excerpt starts at the first such line, and falls back to the last lines.
public enum FailureExcerpt {
  /// At most `limit` non-empty lines of `text`, with a line saying how many were left out.
  public static func lines(of text: String, limit: Int) -> [String] {
    let all = text.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    guard all.count > limit, limit > 1 else { return all }
    if var start = all.firstIndex(where: isHeadline) {
      if start > 0 && all[start - 1].hasPrefix("--- FAIL") { start -= 1 }
      let shown = Array(all[start..<min(all.count, start + limit - 1)])
      let leftOut = all.count - shown.count
      return shown + ["… \(leftOut) other line\(leftOut == 1 ? "" : "s") left out"]
    }
    let leftOut = all.count - (limit - 1)
    return ["… \(leftOut) earlier line\(leftOut == 1 ? "" : "s") left out"] + all.suffix(limit - 1)
  }

  /// A line that says what killed the test binary.
  static func isHeadline(_ line: String) -> Bool {
    line.hasPrefix("panic:") || line.hasPrefix("fatal error:") || line.contains("test timed out after")
      || line.hasPrefix("*** Test killed")
  }
}
