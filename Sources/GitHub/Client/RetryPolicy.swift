/// How ``GitHubClient`` retries, following GitHub's guidance on rate limits and failures.
public struct RetryPolicy: Sendable, Hashable {
  /// Attempts for one request facing 5xx responses or network errors (the first try included).
  public var maxAttempts: Int
  /// The first backoff after a 5xx or network error; doubled each time, with jitter.
  public var baseDelay: Duration
  /// The longest backoff after a 5xx or network error.
  public var maxDelay: Duration
  /// The longest single wait for a rate limit to reset; a longer one fails with a clear error.
  public var maxWait: Duration
  /// How many rate-limit waits one request may go through.
  public var maxRateLimitWaits: Int
  /// The wait after a secondary rate limit without `retry-after` (GitHub: "at least one minute"); doubled
  /// on every further one.
  public var secondaryLimitWait: Duration

  /// The defaults: 4 attempts, 1 s … 30 s backoff, rate-limit waits of up to 5 minutes.
  public init(
    maxAttempts: Int = 4, baseDelay: Duration = .seconds(1), maxDelay: Duration = .seconds(30),
    maxWait: Duration = .seconds(300), maxRateLimitWaits: Int = 3, secondaryLimitWait: Duration = .seconds(60)
  ) {
    self.maxAttempts = min(max(1, maxAttempts), 100)
    self.baseDelay = Self.clamped(baseDelay)
    self.maxDelay = Self.clamped(maxDelay)
    self.maxWait = Self.clamped(maxWait)
    self.maxRateLimitWaits = min(max(0, maxRateLimitWaits), 100)
    self.secondaryLimitWait = Self.clamped(secondaryLimitWait)
  }

  /// The longest delay any setting may ask for: a week. Backoffs multiply delays by up to 2²⁰, which
  /// must not overflow `Duration` (it traps); no CI job waits longer than this anyway.
  public static let longestDelay = Duration.seconds(7 * 24 * 3600)

  private static func clamped(_ delay: Duration) -> Duration {
    min(max(delay, .zero), longestDelay)
  }

  /// The backoff before retry number `retry` (1-based): exponential, capped, with "equal jitter" so that
  /// clients failing together do not retry together.
  func backoff(retry: Int) -> Duration {
    let exponent = min(max(retry - 1, 0), 20)
    // A week times 2²⁰ is about 2e4 years: far inside Duration's range.
    let capped = min(baseDelay * (1 << exponent), maxDelay)
    return capped * Double.random(in: 0.5...1.0)
  }

  /// The wait after secondary limit number `hit` (1-based) that came without `retry-after`.
  func secondaryWait(hit: Int) -> Duration {
    secondaryLimitWait * (1 << min(max(hit - 1, 0), 20))
  }
}
