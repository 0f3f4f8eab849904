/// A transfer that produced no HTTP response.
struct TransportError: Error, Sendable, Hashable {
  /// What kind of failure it was, which decides whether a retry is safe.
  enum Kind: Sendable, Hashable {
    /// The task was cancelled; the transfer was aborted.
    case cancelled
    /// The connect or total timeout expired.
    case timeout
    /// The server could not be reached (DNS, connect, proxy).
    case connect
    /// TLS set-up or certificate verification failed; retrying will not help.
    case tls
    /// The request could not be set up (bad URL, unsupported option); retrying will not help.
    case setup
    /// The connection failed during the exchange (reset, closed early, empty reply).
    case transfer
  }

  /// The kind of failure.
  var kind: Kind
  /// libcurl's `CURLcode`, or 0 when the failure is not libcurl's.
  var code: Int
  /// libcurl's message (its error buffer when filled, otherwise `curl_easy_strerror`).
  var message: String
  /// Whether any request bytes went out: when false, even a non-idempotent request can be retried.
  var requestSent: Bool
}
