import Foundation

/// One HTTP request as the transport sends it.
struct HTTPRequest: Sendable, Hashable {
  /// The method.
  var method: HTTPMethod
  /// The absolute URL.
  var url: String
  /// Header lines (`Name: value`), sent as given.
  var headers: [String]
  /// The request body, if any.
  var body: Data?
}
