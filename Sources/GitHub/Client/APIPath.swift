import Foundation

/// A REST API path such as `/repos/octo/demo/issues/7/comments`, every segment percent-encoded.
struct APIPath: Sendable, Hashable, CustomStringConvertible {
  /// The encoded path, starting with `/`.
  private(set) var encoded: String

  /// A path of `segments`, each encoded on its own (a `/` inside a segment is encoded too).
  init(_ segments: [String]) {
    encoded = segments.map { "/" + Self.encode($0) }.joined()
  }

  /// `/repos/OWNER/NAME/…`.
  static func repository(_ repository: RepositoryID, _ segments: String...) -> APIPath {
    APIPath(["repos", repository.owner, repository.name] + segments)
  }

  /// The path extended by `path`'s `/`-separated components (a ref such as `heads/covbot/ratchet`, a file path).
  func appending(components path: String) -> APIPath {
    var copy = self
    copy.encoded += path.split(separator: "/").map { "/" + Self.encode(String($0)) }.joined()
    return copy
  }

  var description: String { encoded }

  /// RFC 3986 unreserved characters stay; everything else is percent-encoded.
  static let unreserved = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

  static func encode(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
  }

  /// `name=value&…`, names and values encoded.
  static func query(_ items: [URLQueryItem]) -> String {
    items.map { "\(encode($0.name))=\(encode($0.value ?? ""))" }.joined(separator: "&")
  }
}
