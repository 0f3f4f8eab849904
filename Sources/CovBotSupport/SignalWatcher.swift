import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT, SIGTERM and SIGHUP into an awaitable event, so a run can stop its children and
/// still write results.
///
/// Race it against the work in a task group: when it returns a signal number, cancel the group,
/// and every ``ChildProcess`` tears its process group down. While it waits the signals are
/// ignored (a dispatch source sees them instead). When it ends without a signal, the dispositions
/// it found are restored, so Ctrl-C after the measurement (during a long publish wait) still stops
/// covbot; after a signal they stay ignored, so a second Ctrl-C cannot cut the partial results
/// short.
public enum SignalWatcher {
  /// The signals watched: each stops a run the same way, exit code 128 + number.
  public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Waits for the first watched signal; returns its number. Ends early (nil) when cancelled.
  public static func firstSignal() async -> Int32? {
    let stream = AsyncStream<Int32> { continuation in
      let queue = DispatchQueue(label: "covbot.signals")
      let previous = signals.map { number -> (Int32, sigaction) in
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        var old = sigaction()
        sigaction(number, &ignore, &old)
        return (number, old)
      }
      let registration = SignalRegistration(previous: previous)
      registration.sources = signals.map { number -> any DispatchSourceSignal in
        let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
        source.setEventHandler {
          registration.delivered.withLock { $0 = true }
          continuation.yield(number)
        }
        source.resume()
        return source
      }
      continuation.onTermination = { _ in registration.end() }
    }
    for await number in stream { return number }
    return nil
  }
}

/// Owns the dispatch sources and the dispositions to restore.
///
/// `sources` is set once, before any handler can run or the stream can end; `end()` runs once.
private final class SignalRegistration: @unchecked Sendable {
  var sources: [any DispatchSourceSignal] = []
  let delivered = Locked(false)
  private let previous: [(Int32, sigaction)]
  private let ended = Locked(false)

  init(previous: [(Int32, sigaction)]) {
    self.previous = previous
  }

  func end() {
    let first = ended.withLock { value in
      defer { value = true }
      return !value
    }
    guard first else { return }
    for source in sources { source.cancel() }
    guard !delivered.value else { return }
    for (number, disposition) in previous {
      var disposition = disposition
      sigaction(number, &disposition, nil)
    }
  }
}
