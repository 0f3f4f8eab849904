import Foundation
import FuzzSupport

@testable import GitHub

/// The header names the rate-limit rule reads, in the order input lines fill them.
let names = ["retry-after", "x-ratelimit-remaining", "x-ratelimit-reset", "date"]
/// A fixed clock, so that a crash reproduces.
let now = Date(timeIntervalSince1970: 1_764_000_000)

/// A 403/429 response's headers from the input: the first byte picks the status and which headers
/// are present, then one line per header value, then the message. Classifying never traps and any
/// wait is non-negative.
runFuzzer { data in
  guard let control = data.first else { return }
  let lines = FuzzText.lines(String(decoding: data.dropFirst(), as: UTF8.self)).map(String.init)
  var headers = HTTPHeaders()
  for (index, name) in names.enumerated() where control & (1 << index) != 0 && index < lines.count {
    headers.fields.append(HTTPField(name: name, value: lines[index]))
  }
  let message = lines.count > names.count ? lines[names.count] : nil
  let status = control & 0x80 != 0 ? 429 : 403
  let rule = RateLimitRule.classify(status: status, headers: headers, message: message, now: now)
  switch rule {
  case .primary(let wait, let resetAt):
    oracle(wait >= .zero, "negative primary wait \(wait)")
    oracle(resetAt.timeIntervalSince1970.isFinite, "reset time not finite")
  case .retryAfter(let wait):
    oracle(wait >= .zero, "negative retry-after wait \(wait)")
  case .secondary, nil:
    break
  }
  if let wait = RateLimitRule.retryAfter(headers, now: now) { oracle(wait >= .zero, "negative retry-after \(wait)") }
  if let value = headers["date"] { _ = RateLimitRule.httpDate(value) }
}
