/// How ``GitHubClient`` waits between attempts; tests substitute one that records the waits.
public struct Sleeper: Sendable {
  private let body: @Sendable (Duration) async throws -> Void

  /// A sleeper running `body`.
  public init(_ body: @escaping @Sendable (Duration) async throws -> Void) {
    self.body = body
  }

  /// Sleeps with `Task.sleep` (cancellable).
  public static let live = Sleeper { duration in try await Task.sleep(for: duration) }

  /// Waits `duration`.
  public func sleep(for duration: Duration) async throws {
    try await body(duration)
  }
}
