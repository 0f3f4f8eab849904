import CovBotSupport
import CovEngine
import Foundation

/// Shows a gate run's progress: a live line on a terminal, plain lines in CI logs.
///
/// A finished package is printed as it finishes (completion order), so a slow package never
/// holds back the report of faster ones; the final table is sorted.
public final class TerminalProgress: Sendable {
  private struct State: Sendable {
    var total = 0
    var done = 0
    var failed = 0
    var running: [String] = []
    var start = ContinuousClock.now
    var lineShown = false
  }

  private let live: Bool
  private let style: TerminalStyle
  private let write: @Sendable (String) -> Void
  private let state = Locked(State())

  /// Progress on `write` (standard error by default); `live` redraws one line in place.
  public init(live: Bool, style: TerminalStyle, write: @escaping @Sendable (String) -> Void) {
    self.live = live
    self.style = style
    self.write = write
  }

  /// Handles one gate event.
  public func handle(_ event: GateEvent) {
    let output: String = state.withLock { state in
      var text = ""
      switch event {
      case .started(let count, let strategy, let parallelism):
        state.total = count
        state.start = .now
        let mode = strategy == .single ? "one go test process" : "\(parallelism) at once"
        text = "Measuring \(count) packages (\(strategy.rawValue), \(mode))\n"
      case .prewarmStarted(let count, let command):
        text = "Pre-warming build cache (\(count) packages): \(command) …\n"
      case .prewarmFinished(let seconds):
        text = "Pre-warm complete in \(TerminalTable.duration(seconds))\n"
      case .patchResolved(let lines, let files):
        text = "Patch: \(lines) changed line\(lines == 1 ? "" : "s") in \(files) Go file\(files == 1 ? "" : "s")\n"
      case .patchUnavailable(let reason):
        text = "Patch coverage not measured: \(TerminalText.line(reason))\n"
      case .packageStarted(let importPath):
        state.running.append(importPath)
      case .packageFinished(let importPath, let seconds, let failed):
        state.running.removeAll { $0 == importPath }
        state.done += 1
        if failed { state.failed += 1 }
        if !live {
          let mark = failed ? "FAIL" : "ok  "
          text =
            "\(mark) \(TerminalText.line(importPath)) (\(TerminalTable.duration(seconds))) [\(state.done)/\(state.total)]\n"
        }
      }
      guard live else { return text }
      let clear = state.lineShown ? "\r\u{1B}[2K" : ""
      state.lineShown = true
      return clear + text + Self.statusLine(state, style: style)
    }
    if !output.isEmpty { write(output) }
  }

  /// Redraws the live line (call about once a second so the elapsed time moves).
  public func tick() {
    guard live else { return }
    let output = state.withLock { state -> String in
      guard state.lineShown else { return "" }
      return "\r\u{1B}[2K" + Self.statusLine(state, style: style)
    }
    if !output.isEmpty { write(output) }
  }

  /// Removes the live line before the final table is printed.
  public func finish() {
    guard live else { return }
    let shown = state.withLock { state -> Bool in
      defer { state.lineShown = false }
      return state.lineShown
    }
    if shown { write("\r\u{1B}[2K") }
  }

  private static func statusLine(_ state: State, style: TerminalStyle) -> String {
    let elapsed = Int((ContinuousClock.now - state.start).seconds)
    var line = "[\(state.done)/\(state.total)] \(String(format: "%02d:%02d", elapsed / 60, elapsed % 60))"
    if state.failed > 0 { line += " " + style.paint("\(state.failed) failed", "31") }
    if !state.running.isEmpty {
      let shown = state.running.prefix(3).map(TerminalText.line).joined(separator: ", ")
      line += " running: \(shown)" + (state.running.count > 3 ? " +\(state.running.count - 3)" : "")
    }
    let width = 160
    return line.count > width ? String(line.prefix(width - 1)) + "…" : line
  }
}
