/// Lets mutating requests through one at a time, in arrival order.
///
/// GitHub's guidance: make mutating requests serially, not concurrently (concurrent writes are what
/// trips the secondary rate limit).
actor MutationLane {
  private var busy = false
  private var waiters: [CheckedContinuation<Void, Never>] = []

  /// Waits for the lane; pair with ``release()``.
  func acquire() async {
    guard busy else {
      busy = true
      return
    }
    await withCheckedContinuation { waiters.append($0) }
  }

  /// Hands the lane to the next waiter, or frees it.
  func release() {
    if waiters.isEmpty {
      busy = false
    } else {
      waiters.removeFirst().resume()
    }
  }
}
