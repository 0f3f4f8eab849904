import Foundation

/// A request as the state machine sees it.
struct FakeIncoming: Sendable {
  var method: String
  /// The path as sent (percent-encoded), prefix included.
  var path: String
  var query: [(name: String, value: String)]
  /// Header fields, names lower-cased.
  var headers: [String: String]
  var body: Data
}

/// A response and how to deliver it.
struct FakeReply: Sendable {
  enum Delivery: Sendable, Hashable {
    case normal
    /// Answer after a delay (the client has likely given up).
    case slow(seconds: Double)
    /// Close the connection mid-response.
    case drop
  }

  var status: Int
  var headers: [(String, String)] = []
  var body: Data = Data()
  var delivery: Delivery = .normal

  static func json(_ status: Int, _ value: JSONValue, headers: [(String, String)] = []) -> FakeReply {
    FakeReply(
      status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers, body: value.encoded())
  }

  static func noContent() -> FakeReply { FakeReply(status: 204) }
}

/// One routed call, with what handlers need.
struct FakeCall: Sendable {
  var method: String
  var template: String
  var parameters: [String: String]
  var query: [(name: String, value: String)]
  var body: JSONValue
  /// `OWNER/NAME` as requested.
  var repository: String
  /// `http://host:port` + prefix.
  var apiBase: String
  /// `http://host:port`.
  var webBase: String
  /// The path without the prefix, as sent.
  var path: String
  /// The client asked for `application/vnd.github.diff`.
  var wantsDiff = false

  func parameter(_ name: String) -> String { parameters[name] ?? "" }

  func queryValue(_ name: String) -> String? { query.last { $0.name == name }?.value }

  var repositoryAPI: String { "\(apiBase)/repos/\(repository)" }
}
