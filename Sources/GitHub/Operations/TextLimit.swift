/// Truncates text to a limit GitHub enforces, without splitting a character.
///
/// GitHub counts characters (Unicode scalars for its JSON-schema `maxLength`); counting UTF-16 code
/// units is never less, so a text within the UTF-16 limit is within GitHub's.
public enum TextLimit {
  /// `text` if it fits in `limit` UTF-16 units; otherwise its longest prefix of whole characters that fits
  /// together with `suffix`, followed by `suffix`.
  public static func truncate(_ text: String, to limit: Int, suffix: String = "…") -> String {
    guard text.utf16.count > limit else { return text }
    let budget = limit - suffix.utf16.count
    guard budget > 0 else { return String(suffix.prefix(max(0, limit))) }
    var used = 0
    var end = text.startIndex
    for index in text.indices {
      let width = text[index].utf16.count
      if used + width > budget { break }
      used += width
      end = text.index(after: index)
    }
    return String(text[..<end]) + suffix
  }
}
