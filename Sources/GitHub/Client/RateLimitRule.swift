import Foundation

/// Recognises GitHub's rate-limit responses and says how long to wait.
///
/// GitHub's guidance, in order: honour `retry-after`; with `x-ratelimit-remaining: 0`, wait until
/// `x-ratelimit-reset`; otherwise (a secondary limit) wait at least a minute, longer on each repeat.
///
/// Every header is untrusted text: a value that is not a plain number or date in range (`1e300`,
/// `inf`, `nan`, a year 99999, non-ASCII bytes) is ignored as if it were absent, never converted
/// into a wait that traps or overflows.
enum RateLimitRule: Sendable, Hashable {
  /// The primary limit is exhausted until `resetAt`; `wait` is measured against the server's clock when known.
  case primary(wait: Duration, resetAt: Date)
  /// A secondary limit with `retry-after`.
  case retryAfter(Duration)
  /// A secondary limit without `retry-after`.
  case secondary

  /// The latest instant a header may name: 9999-12-31T23:59:59Z, the last second an IMF-fixdate can
  /// spell. Later reset times are nonsense, and their waits would not fit a `Duration` in milliseconds.
  static let latestInstant: TimeInterval = 253_402_300_799

  /// The rule for a 403 or 429 response, or `nil` when it is no rate limit (then a 403 is a permission error).
  static func classify(status: Int, headers: HTTPHeaders, message: String?, now: Date = Date()) -> RateLimitRule? {
    guard status == 403 || status == 429 else { return nil }
    if let retryAfter = retryAfter(headers, now: now) { return .retryAfter(retryAfter) }
    if headers["x-ratelimit-remaining"] == "0", let reset = headers["x-ratelimit-reset"].flatMap(epochSeconds) {
      let resetAt = Date(timeIntervalSince1970: TimeInterval(reset))
      // The server's Date header avoids trusting a skewed local clock; one extra second covers its rounding.
      let serverNow = headers["date"].flatMap(httpDate) ?? now
      let seconds = min(max(0, resetAt.timeIntervalSince(serverNow)), latestInstant) + 1
      return .primary(wait: .milliseconds(Int64((seconds * 1000).rounded(.up))), resetAt: resetAt)
    }
    if status == 429 || (message ?? "").lowercased().contains("rate limit") { return .secondary }
    return nil
  }

  /// `retry-after` as seconds or as an HTTP date.
  static func retryAfter(_ headers: HTTPHeaders, now: Date = Date()) -> Duration? {
    guard let value = headers["retry-after"] else { return nil }
    if let seconds = epochSeconds(value) { return .seconds(seconds) }
    if let date = httpDate(value) {
      let seconds = min(max(0, date.timeIntervalSince(now)), latestInstant)
      return .seconds(Int64(seconds.rounded(.up)))
    }
    return nil
  }

  /// A non-negative whole number of seconds no later than ``latestInstant``: what `x-ratelimit-reset`
  /// (an epoch time) and `retry-after` (a delay) hold.
  static func epochSeconds(_ text: String) -> Int64? {
    guard (1...12).contains(text.utf8.count), text.utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }),
      let value = Int64(text), value <= Int64(latestInstant)
    else { return nil }
    return value
  }

  /// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110 §5.6.7), the only form GitHub sends.
  ///
  /// Parsed by hand: Foundation's `DateFormatter` traps on Linux for some non-ASCII inputs, and the
  /// format is fixed-width ASCII.
  static func httpDate(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count == 29, bytes[3] == UInt8(ascii: ","), bytes[4] == 0x20, bytes[7] == 0x20, bytes[11] == 0x20,
      bytes[16] == 0x20, bytes[19] == UInt8(ascii: ":"), bytes[22] == UInt8(ascii: ":"), bytes[25] == 0x20,
      bytes[26...] == Array("GMT".utf8)[...],
      weekdays.contains(bytes[0..<3].map { $0 }),
      let monthIndex = months.firstIndex(of: bytes[8..<11].map { $0 }),
      let day = digits(bytes[5..<7]), let year = digits(bytes[12..<16]), let hour = digits(bytes[17..<19]),
      let minute = digits(bytes[20..<22]), let second = digits(bytes[23..<25]),
      (1...daysIn(month: monthIndex + 1, year: year)).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    let days = daysSinceEpoch(year: year, month: monthIndex + 1, day: day)
    return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second))
  }

  private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map { Array($0.utf8) }
  private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    .map { Array($0.utf8) }

  private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
    var value = 0
    for byte in bytes {
      guard byte &- UInt8(ascii: "0") < 10 else { return nil }
      value = value * 10 + Int(byte &- UInt8(ascii: "0"))
    }
    return value
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
  private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
