import CLibXML2

/// The libxml2 covbot runs against, beside the one it was compiled with: what `covbot self-check` reports.
public struct LibXML2Runtime: Sendable, Equatable {
  /// The loaded library's version, dotted (`2.9.14`), from `xmlParserVersion` (`20914`).
  public var version: String
  /// The headers' version at build time (`LIBXML_DOTTED_VERSION`).
  public var builtAgainst: String

  /// Creates a description.
  public init(version: String, builtAgainst: String) {
    self.version = version
    self.builtAgainst = builtAgainst
  }

  /// The libxml2 loaded into this process.
  public static func current() -> LibXML2Runtime {
    let raw = covbot_xml_parser_version().map { String(cString: $0) } ?? ""
    return LibXML2Runtime(version: dotted(raw) ?? "unknown (\(raw))", builtAgainst: LIBXML_DOTTED_VERSION)
  }

  /// `20914` → `2.9.14`, `21207` → `2.12.7`: libxml2 encodes a version as major·10000 + minor·100 + patch.
  static func dotted(_ raw: String) -> String? {
    let digits = raw.prefix { $0.isASCII && $0.isNumber }
    guard let number = Int(digits), number > 0 else { return nil }
    return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
  }
}
