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
    await arm().first()
  }

  /// Starts watching at once and returns the watch to await later: arm before starting work, so
  /// that a signal arriving while the work's first child starts is never missed (a task that
  /// calls ``firstSignal()`` may run after the work's first child process).
  public static func arm() -> ArmedSignalWatch {
    // The build closure runs before `AsyncStream.init` returns: the sources exist on return.
    ArmedSignalWatch(
      stream: AsyncStream<Int32> { continuation in
        let queue = DispatchQueue(label: "covbot.signals")
        SignalDispositions.acquire()
        let registration = SignalRegistration()
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
      })
  }
}

/// A signal watch already armed by ``SignalWatcher/arm()``; awaiting it ends the watch.
public struct ArmedSignalWatch: Sendable {
  fileprivate let stream: AsyncStream<Int32>

  /// The first watched signal's number, or `nil` when the awaiting task is cancelled first.
  public func first() async -> Int32? {
    for await number in stream { return number }
    return nil
  }
}

/// Owns one watcher's dispatch sources.
///
/// `sources` is set once, before any handler can run or the stream can end; `end()` runs once.
private final class SignalRegistration: @unchecked Sendable {
  var sources: [any DispatchSourceSignal] = []
  let delivered = Locked(false)
  private let ended = Locked(false)

  func end() {
    let first = ended.withLock { value in
      defer { value = true }
      return !value
    }
    guard first else { return }
    for source in sources { source.cancel() }
    SignalDispositions.release(delivered: delivered.value)
  }
}

/// The dispositions of the watched signals, which belong to the whole process: the first watcher
/// saves them and ignores the signals, the last one restores them, so watchers that overlap (two
/// runs in one process, as in tests) never restore each other's state.
private enum SignalDispositions {
  private struct State: @unchecked Sendable {
    var watchers = 0
    var saved: [(Int32, sigaction)] = []
    var signalDelivered = false
  }

  private static let state = Locked(State())

  static func acquire() {
    state.withLock { state in
      if state.watchers == 0 {
        state.saved = SignalWatcher.signals.map { number in
          var ignore = sigaction()
          ignore.__sigaction_handler.sa_handler = SIG_IGN
          var old = sigaction()
          sigaction(number, &ignore, &old)
          return (number, old)
        }
      }
      state.watchers += 1
    }
  }

  static func release(delivered: Bool) {
    state.withLock { state in
      state.watchers -= 1
      state.signalDelivered = state.signalDelivered || delivered
      guard state.watchers == 0 else { return }
      if !state.signalDelivered {
        for (number, disposition) in state.saved {
          var disposition = disposition
          sigaction(number, &disposition, nil)
        }
      }
      state.saved = []
      state.signalDelivered = false
    }
  }
}
