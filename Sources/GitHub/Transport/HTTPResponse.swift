import Foundation

/// One HTTP response as the transport received it.
struct HTTPResponse: Sendable, Hashable {
  /// The status code.
  var status: Int
  /// The header fields of the final response (earlier redirects or `100 Continue` dropped).
  var headers: HTTPHeaders
  /// The body bytes (decompressed).
  var body: Data

  /// Whether the status is 2xx.
  var isSuccess: Bool { (200..<300).contains(status) }
}
