import Foundation

/// A value behind a lock that escaping closures (task-group children, line handlers) can share.
///
/// The lock is an `NSLock` (a pthread mutex) rather than `Synchronization.Mutex`: on Linux the
/// latter is built on raw futexes, which ThreadSanitizer cannot see, so every access it guards
/// was reported as a race and hid any real one.
public final class Locked<Value: Sendable>: @unchecked Sendable {
  // Only touched with `lock` held.
  private var storage: Value
  private let lock = NSLock()

  /// Wraps `value`.
  public init(_ value: Value) {
    storage = value
  }

  /// Runs `body` with exclusive access to the value.
  public func withLock<Result: Sendable>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body(&storage)
  }

  /// A copy of the current value.
  public var value: Value { withLock { $0 } }
}
