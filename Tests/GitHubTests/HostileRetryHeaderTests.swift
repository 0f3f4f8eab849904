import Foundation
import Testing

@testable import GitHub

/// Rate-limit headers are untrusted text; each case here used to trap (found by fuzzing).
@Suite("Hostile rate-limit headers")
struct HostileRetryHeaderTests {
  static func headers(_ pairs: [(String, String)]) -> HTTPHeaders {
    HTTPHeaders(fields: pairs.map { HTTPField(name: $0.0, value: $0.1) })
  }

  @Test(
    "an out-of-range x-ratelimit-reset is ignored, not converted",
    arguments: ["1e300", "inf", "-inf", "nan", "1e19", "-5", "99999999999999999999", "253402300800", " 1010", "0x10"])
  func resetOutOfRange(reset: String) {
    let headers = Self.headers([("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset)])
    // With nothing usable left, a 403 that names no rate limit is a permission error, a 429 a secondary limit.
    #expect(RateLimitRule.classify(status: 403, headers: headers, message: nil) == nil)
    #expect(RateLimitRule.classify(status: 429, headers: headers, message: nil) == .secondary)
  }

  @Test("the latest representable reset still gives a finite wait")
  func latestReset() throws {
    let headers = Self.headers([("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "253402300799")])
    let rule = try #require(
      RateLimitRule.classify(status: 403, headers: headers, message: nil, now: Date(timeIntervalSince1970: 0)))
    guard case .primary(let wait, _) = rule else {
      Issue.record("expected a primary limit, got \(rule)")
      return
    }
    #expect(wait == .milliseconds(253_402_300_800_000))
  }

  @Test(
    "dates that are not an IMF-fixdate are no date",
    arguments: [
      "Thu, 01 Jan 1970 00:16:45 GMTé", "Thé, 01 Jan 1970 00:16:45 GMT", "Thu, 01 Jan 1970 00:16:45 GM\u{202E}",
      "\u{0}\u{0}\u{0}", "Thu, 31 Feb 2024 00:00:00 GMT", "Thu, 01 Jan 1970 24:00:00 GMT",
      "Thu, 01 Jan 197a 00:16:45 GMT",
      "Thursday, 01-Jan-70 00:16:45 GMT", "", String(repeating: "é", count: 29), "Thu, 01 Foo 1970 00:16:45 GMT",
    ])
  func malformedDates(text: String) {
    #expect(RateLimitRule.httpDate(text) == nil)
    let headers = Self.headers([("retry-after", text)])
    #expect(RateLimitRule.retryAfter(headers) == nil)
  }

  @Test(
    "IMF-fixdates parse to the instant they name",
    arguments: [
      ("Thu, 01 Jan 1970 00:00:00 GMT", 0.0), ("Sun, 06 Nov 1994 08:49:37 GMT", 784_111_777),
      ("Tue, 29 Feb 2000 12:00:00 GMT", 951_825_600), ("Fri, 31 Dec 9999 23:59:59 GMT", 253_402_300_799),
      ("Mon, 01 Mar 2100 00:00:00 GMT", 4_107_542_400),
    ])
  func imfFixdates(text: String, epoch: Double) {
    #expect(RateLimitRule.httpDate(text) == Date(timeIntervalSince1970: epoch))
  }

  @Test("a retry-after date far in the future is a long wait, not a trap")
  func retryAfterFarDate() {
    let headers = Self.headers([("retry-after", "Fri, 31 Dec 9999 23:59:59 GMT")])
    #expect(RateLimitRule.retryAfter(headers, now: Date(timeIntervalSince1970: 0)) == .seconds(253_402_300_799))
  }

  @Test("retry-after seconds must be a plain, bounded number", arguments: ["-1", "+5", "1.5", "9999999999999", "1e3"])
  func retryAfterSeconds(text: String) {
    #expect(RateLimitRule.retryAfter(Self.headers([("retry-after", text)])) == nil)
  }

  @Test("huge policy settings are clamped to a week, so backoffs cannot overflow Duration")
  func policyClamp() {
    let policy = RetryPolicy(
      maxAttempts: .max, baseDelay: .seconds(Int64.max), maxDelay: .seconds(Int64.max), maxWait: .seconds(Int64.max),
      maxRateLimitWaits: .max, secondaryLimitWait: .seconds(Int64.max))
    #expect(policy.maxWait == RetryPolicy.longestDelay)
    #expect(policy.backoff(retry: .max) <= RetryPolicy.longestDelay)
    #expect(policy.secondaryWait(hit: .max) == RetryPolicy.longestDelay * (1 << 20))
    let negative = RetryPolicy(baseDelay: .seconds(-5), maxWait: .seconds(-1))
    #expect(negative.baseDelay == .zero && negative.maxWait == .zero)
  }
}
