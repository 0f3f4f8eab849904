import CovBotSupport
import CovEngine

/// Turns SIGINT and SIGTERM into cancellation of the benchmark, so running children are torn down
/// (their process groups get SIGTERM, then SIGKILL) instead of being orphaned.
enum SignalCancellation {
  /// Runs `body`; a SIGINT or SIGTERM cancels it, and it then throws `CancellationError`.
  static func run<Value: Sendable>(_ body: @escaping @Sendable () async throws -> Value) async throws -> Value {
    try await withThrowingTaskGroup(of: Value?.self) { group in
      group.addTask { try await body() }
      group.addTask {
        _ = await SignalWatcher.firstSignal()
        return nil
      }
      // Whichever ends first ends the other: the work's value, or a signal (nil).
      let first = try await group.next()!
      group.cancelAll()
      guard let value = first else { throw CancellationError() }
      return value
    }
  }
}
