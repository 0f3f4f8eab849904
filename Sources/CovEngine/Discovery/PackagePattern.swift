/// A Go package pattern (`./internal/...`, `example.com/m/gen/...`) matched against import paths.
///
/// Follows the go command's rules: `...` matches any string, and `x/...` also matches `x`.
/// Relative patterns are resolved against the module path.
public struct PackagePattern: Sendable, Hashable, CustomStringConvertible {
  /// The pattern as given.
  public var description: String
  private let importPattern: String

  /// Resolves `pattern` (relative to the module root when it starts with `.`) for `modulePath`.
  public init(_ pattern: String, modulePath: String) {
    description = pattern
    var resolved = pattern
    if resolved == "." {
      resolved = modulePath
    } else if resolved.hasPrefix("./") {
      var relative = resolved.dropFirst(2)
      while relative.hasSuffix("/") && relative.count > 1 { relative = relative.dropLast() }
      resolved = relative == "..." ? modulePath + "/..." : modulePath + "/" + relative
    }
    importPattern = resolved
  }

  /// Whether `importPath` matches.
  public func matches(_ importPath: String) -> Bool {
    if importPattern.hasSuffix("/...") {
      let prefix = String(importPattern.dropLast(4))
      if !prefix.contains("...") && importPath == prefix { return true }
    }
    return Self.glob(Array(importPattern.utf8)[...], Array(importPath.utf8)[...])
  }

  /// `...` matches any run of bytes; everything else literally.
  private static func glob(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
    guard let wildcard = pattern.firstRange(of: Self.dots) else { return pattern.elementsEqual(text) }
    let head = pattern[..<wildcard.lowerBound]
    guard text.starts(with: head) else { return false }
    let tail = pattern[wildcard.upperBound...]
    var rest = text.dropFirst(head.count)
    while true {
      if glob(tail, rest) { return true }
      guard !rest.isEmpty else { return false }
      rest = rest.dropFirst()
    }
  }

  private static let dots = Array("...".utf8)
}
