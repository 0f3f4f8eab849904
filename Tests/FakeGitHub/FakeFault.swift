/// A failure the fake injects into matching requests, the way GitHub (or the network) fails.
public struct FakeFault: Sendable, Hashable {
  /// What goes wrong.
  public enum Kind: Sendable, Hashable {
    /// The primary rate limit: `status` (403 or 429) with `x-ratelimit-remaining: 0` and a reset
    /// `resetIn` seconds from now.
    case primaryRateLimit(status: Int, resetIn: Int)
    /// A secondary rate limit: `status` (403 or 429), with `retry-after` when given.
    case secondaryRateLimit(status: Int, retryAfter: Int?)
    /// A server error (502, 503, …) before the request is processed.
    case serverError(Int)
    /// A server error after the request was processed (the change landed, the answer did not).
    case serverErrorAfterProcessing(Int)
    /// The request is processed, then answered only after `seconds`.
    case slowResponse(seconds: Double)
    /// The connection is closed in the middle of the response, after processing the request or before.
    case dropConnection(afterProcessing: Bool)
    /// 403 "Resource not accessible by integration", as for a fork pull request's token.
    case readOnlyToken
    /// 403 with another message, e.g. "GitHub Actions is not permitted to create or approve pull requests."
    case forbidden(message: String)
    /// 400 whose message quotes the request's `Authorization` header, to prove clients scrub it.
    case echoAuthorization
  }

  /// What goes wrong.
  public var kind: Kind
  /// Only requests with this method (`POST`), or any.
  public var method: String?
  /// Only requests whose path (without the GHES prefix) contains this, or any.
  public var path: String?
  /// How many matching requests fail.
  public var times: Int

  /// A fault for the next `times` requests matching `method` and `path`.
  public init(_ kind: Kind, method: String? = nil, path: String? = nil, times: Int = 1) {
    self.kind = kind
    self.method = method
    self.path = path
    self.times = times
  }

  /// Whether the fault applies to a request.
  func matches(method: String, path: String) -> Bool {
    (self.method == nil || self.method == method) && (self.path.map { path.contains($0) } ?? true)
  }
}
