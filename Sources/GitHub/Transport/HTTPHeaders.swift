/// One response header field; the name is lower-cased.
struct HTTPField: Sendable, Hashable {
  /// The lower-cased field name.
  var name: String
  /// The value, without surrounding whitespace.
  var value: String
}

/// Response header fields in arrival order; lookups ignore case.
struct HTTPHeaders: Sendable, Hashable {
  /// The fields, names lower-cased.
  var fields: [HTTPField] = []

  /// The first value of `name`, if present.
  subscript(_ name: String) -> String? {
    let key = name.lowercased()
    return fields.first { $0.name == key }?.value
  }

  /// Every value of `name`, in arrival order (`Link` may be repeated).
  func values(_ name: String) -> [String] {
    let key = name.lowercased()
    return fields.filter { $0.name == key }.map(\.value)
  }

  /// Parses one raw header line as libcurl delivers it (with its CRLF).
  ///
  /// A status line (`HTTP/…`) starts a new response (a redirect or `100 Continue` came first), so the
  /// fields collected so far are dropped. Works on bytes: `"\r\n"` is a single `Character` in Swift.
  mutating func receive(line bytes: UnsafeRawBufferPointer) {
    if bytes.starts(with: "HTTP/".utf8) {
      fields.removeAll()
      return
    }
    guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return }
    let name = Self.trimmed(bytes[bytes.startIndex..<colon])
    let value = Self.trimmed(bytes[(colon + 1)..<bytes.endIndex])
    guard !name.isEmpty else { return }
    fields.append(
      HTTPField(
        name: String(decoding: name, as: UTF8.self).lowercased(), value: String(decoding: value, as: UTF8.self)))
  }

  private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
    var slice = bytes
    while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
    while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
    return slice
  }
}
