/// An HTTP method used against GitHub's REST API.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
  case get = "GET"
  case post = "POST"
  case patch = "PATCH"
  case put = "PUT"
  case delete = "DELETE"

  /// Whether the method changes state on the server (such requests are serialized).
  public var isMutating: Bool { self != .get }
}
