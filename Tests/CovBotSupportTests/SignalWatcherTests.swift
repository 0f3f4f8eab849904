import Foundation
import Testing

@testable import CovBotSupport

#if canImport(Glibc)
import Glibc
#endif

/// The watcher must give SIGINT/SIGTERM/SIGHUP back when it ends without a signal: it left them
/// ignored, so Ctrl-C during a long publish wait did nothing (issue 12).
@Suite(.serialized) struct SignalWatcherTests {
  private func handler(_ number: Int32) -> sighandler_t? {
    var current = sigaction()
    sigaction(number, nil, &current)
    return current.__sigaction_handler.sa_handler
  }

  @Test func dispositionsAreRestoredWhenTheWatcherIsCancelled() async throws {
    let marker: @convention(c) (Int32) -> Void = { _ in }
    var custom = sigaction()
    custom.__sigaction_handler.sa_handler = marker
    var saved: [Int32: sigaction] = [:]
    for number in SignalWatcher.signals {
      var old = sigaction()
      sigaction(number, &custom, &old)
      saved[number] = old
    }
    defer {
      for (number, old) in saved {
        var old = old
        sigaction(number, &old, nil)
      }
    }

    let watcher = Task { await SignalWatcher.firstSignal() }
    try await Task.sleep(for: .milliseconds(200))
    // While it watches, the signal is the watcher's (ignored, or libdispatch's own handler on Linux).
    for number in SignalWatcher.signals {
      #expect(handler(number).map { unsafeBitCast($0, to: Int.self) } != unsafeBitCast(marker, to: Int.self))
    }
    watcher.cancel()
    #expect(await watcher.value == nil)
    try await Task.sleep(for: .milliseconds(100))
    for number in SignalWatcher.signals {
      #expect(handler(number).map { unsafeBitCast($0, to: Int.self) } == unsafeBitCast(marker, to: Int.self))
    }
  }
}
