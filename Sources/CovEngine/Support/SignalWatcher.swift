import Dispatch
import Foundation

/// Turns SIGINT/SIGTERM into an awaitable event, so a run can stop its children and still write results.
///
/// Race it against the work in a task group: when it returns a signal number, cancel the group,
/// and every ``ChildProcess`` tears its process group down.
public enum SignalWatcher {
  /// Waits for the first of SIGINT or SIGTERM; returns its number. Ends early (nil) when cancelled.
  public static func firstSignal() async -> Int32? {
    let stream = AsyncStream<Int32> { continuation in
      let queue = DispatchQueue(label: "covbot.signals")
      let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
        source.setEventHandler { continuation.yield(number) }
        source.resume()
        return source
      }
      let cancellable = SignalSources(sources)
      continuation.onTermination = { _ in cancellable.cancel() }
    }
    for await number in stream { return number }
    return nil
  }
}

/// Owns the dispatch sources; cancelling them is thread-safe, so the wrapper is Sendable.
private final class SignalSources: @unchecked Sendable {
  private let sources: [any DispatchSourceSignal]

  init(_ sources: [any DispatchSourceSignal]) {
    self.sources = sources
  }

  func cancel() {
    for source in sources { source.cancel() }
  }
}
