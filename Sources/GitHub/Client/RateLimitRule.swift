import Foundation

/// Recognises GitHub's rate-limit responses and says how long to wait.
///
/// GitHub's guidance, in order: honour `retry-after`; with `x-ratelimit-remaining: 0`, wait until
/// `x-ratelimit-reset`; otherwise (a secondary limit) wait at least a minute, longer on each repeat.
enum RateLimitRule: Sendable, Hashable {
  /// The primary limit is exhausted until `resetAt`; `wait` is measured against the server's clock when known.
  case primary(wait: Duration, resetAt: Date)
  /// A secondary limit with `retry-after`.
  case retryAfter(Duration)
  /// A secondary limit without `retry-after`.
  case secondary

  /// The rule for a 403 or 429 response, or `nil` when it is no rate limit (then a 403 is a permission error).
  static func classify(status: Int, headers: HTTPHeaders, message: String?, now: Date = Date()) -> RateLimitRule? {
    guard status == 403 || status == 429 else { return nil }
    if let retryAfter = retryAfter(headers, now: now) { return .retryAfter(retryAfter) }
    if headers["x-ratelimit-remaining"] == "0", let reset = headers["x-ratelimit-reset"].flatMap(Double.init) {
      let resetAt = Date(timeIntervalSince1970: reset)
      // The server's Date header avoids trusting a skewed local clock; one extra second covers its rounding.
      let serverNow = headers["date"].flatMap(httpDate) ?? now
      let seconds = max(0, resetAt.timeIntervalSince(serverNow)) + 1
      return .primary(wait: .milliseconds(Int64((seconds * 1000).rounded(.up))), resetAt: resetAt)
    }
    if status == 429 || (message ?? "").lowercased().contains("rate limit") { return .secondary }
    return nil
  }

  /// `retry-after` as seconds or as an HTTP date.
  static func retryAfter(_ headers: HTTPHeaders, now: Date = Date()) -> Duration? {
    guard let value = headers["retry-after"] else { return nil }
    if let seconds = Int(value), seconds >= 0 { return .seconds(seconds) }
    if let date = httpDate(value) { return .seconds(max(0, Int(date.timeIntervalSince(now).rounded(.up)))) }
    return nil
  }

  /// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
  static func httpDate(_ text: String) -> Date? {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    return formatter.date(from: text)
  }
}
