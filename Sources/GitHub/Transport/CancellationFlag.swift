import Synchronization

/// A flag set from a task-cancellation handler and polled by libcurl's progress callback.
final class CancellationFlag: Sendable {
  private let storage = Atomic<Bool>(false)

  /// Requests cancellation.
  func cancel() { storage.store(true, ordering: .relaxed) }

  /// Whether cancellation was requested.
  var isCancelled: Bool { storage.load(ordering: .relaxed) }
}
