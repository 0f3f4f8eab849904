/// Git's way of writing a file name in a diff: bare, or in double quotes with C escapes.
///
/// Git quotes a name that holds a `"`, a `\`, a control character or (with `core.quotePath`, the
/// default) a non-ASCII byte, writing bytes as octal escapes: `"a/caf\303\251.go"`.
enum GitPathName {
  /// Decodes the quoted name at the start of `bytes` (which must begin with `"`).
  ///
  /// Returns the name and the index just past the closing quote, or `nil` when the quoting is
  /// broken (no closing quote, an unknown escape, an octal escape over 255).
  static func unquote(_ bytes: ArraySlice<UInt8>) -> (name: String, end: Int)? {
    guard bytes.first == UInt8(ascii: "\"") else { return nil }
    var decoded: [UInt8] = []
    var index = bytes.startIndex + 1
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        return (String(decoding: decoded, as: UTF8.self), index + 1)
      }
      guard byte == UInt8(ascii: "\\") else {
        decoded.append(byte)
        index += 1
        continue
      }
      index += 1
      guard index < bytes.endIndex else { return nil }
      let escape = bytes[index]
      if let simple = simpleEscapes[escape] {
        decoded.append(simple)
        index += 1
      } else if (UInt8(ascii: "0")...UInt8(ascii: "3")).contains(escape) {
        var value = 0
        for _ in 0..<3 {
          guard index < bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[index]) else {
            return nil
          }
          value = value * 8 + Int(bytes[index] - UInt8(ascii: "0"))
          index += 1
        }
        decoded.append(UInt8(value))
      } else {
        return nil
      }
    }
    return nil
  }

  /// The name in a `---`/`+++`/`rename from` line after its keyword: quoted, or bare up to a tab
  /// (GNU diff puts a timestamp after one; git ends a name holding a space with one).
  ///
  /// Returns `nil` for `/dev/null`; throws-free: broken quoting yields `.failure`.
  static func parseField(_ bytes: ArraySlice<UInt8>) -> Field {
    if bytes.first == UInt8(ascii: "\"") {
      guard let (name, end) = unquote(bytes) else { return .invalid }
      guard end == bytes.endIndex || bytes[end] == UInt8(ascii: "\t") else { return .invalid }
      return name.isEmpty ? .invalid : .name(name)
    }
    let bare = bytes.prefix { $0 != UInt8(ascii: "\t") }
    if bare.elementsEqual("/dev/null".utf8) { return .devNull }
    return bare.isEmpty ? .invalid : .name(String(decoding: bare, as: UTF8.self))
  }

  /// A name field's meaning.
  enum Field: Equatable {
    case name(String)
    case devNull
    case invalid
  }

  /// The two names of a `diff --git` header (after `diff --git `), still carrying their prefixes.
  ///
  /// Bare names may hold spaces, which makes `a/x y b/x y` ambiguous; git only writes such a
  /// header for a file whose two names are equal, so the split that gives equal names (after each
  /// candidate prefix pair) is the one. Returns `nil` when no split is certain.
  static func headerNames(
    _ bytes: ArraySlice<UInt8>, candidates: [(source: String, destination: String)]
  ) -> (old: String, new: String)? {
    let space = UInt8(ascii: " ")
    if bytes.first == UInt8(ascii: "\"") {
      guard let (old, end) = unquote(bytes), end < bytes.endIndex, bytes[end] == space else { return nil }
      let rest = bytes[(end + 1)...]
      return secondName(rest).map { (old, $0) }
    }
    // A bare name never holds a quote (git would have quoted it), so a quote starts the second name.
    if let quote = bytes.firstIndex(of: UInt8(ascii: "\"")) {
      guard quote > bytes.startIndex + 1, bytes[quote - 1] == space else { return nil }
      let old = String(decoding: bytes[..<(quote - 1)], as: UTF8.self)
      return secondName(bytes[quote...]).map { (old, $0) }
    }
    for (source, destination) in candidates {
      let nameLength = bytes.count - 1 - source.utf8.count - destination.utf8.count
      guard nameLength > 0, nameLength % 2 == 0 else { continue }
      let half = nameLength / 2
      let split = bytes.startIndex + source.utf8.count + half
      guard bytes[split] == space else { continue }
      let old = bytes[..<split]
      let new = bytes[(split + 1)...]
      guard old.starts(with: source.utf8), new.starts(with: destination.utf8),
        old.dropFirst(source.utf8.count).elementsEqual(new.dropFirst(destination.utf8.count))
      else { continue }
      return (String(decoding: old, as: UTF8.self), String(decoding: new, as: UTF8.self))
    }
    // Different names without spaces (a rename): the one space splits them.
    let spaces = bytes.indices.filter { bytes[$0] == space }
    guard spaces.count == 1, let split = spaces.first, split > bytes.startIndex, split + 1 < bytes.endIndex else {
      return nil
    }
    return (
      String(decoding: bytes[..<split], as: UTF8.self), String(decoding: bytes[(split + 1)...], as: UTF8.self)
    )
  }

  private static func secondName(_ bytes: ArraySlice<UInt8>) -> String? {
    if bytes.first == UInt8(ascii: "\"") {
      guard let (name, end) = unquote(bytes), end == bytes.endIndex else { return nil }
      return name
    }
    guard !bytes.isEmpty, !bytes.contains(UInt8(ascii: "\"")) else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static let simpleEscapes: [UInt8: UInt8] = [
    UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "t"): 9, UInt8(ascii: "n"): 10,
    UInt8(ascii: "v"): 11, UInt8(ascii: "f"): 12, UInt8(ascii: "r"): 13,
    UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"),
  ]
}
