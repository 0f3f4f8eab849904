import CovBotKit
import CovBotSupport
import Foundation
import Reporters

#if canImport(Glibc)
import Glibc
#endif

/// Standard output and error, with colour decided per stream.
///
/// Writes go straight to the file descriptors: with SIGPIPE ignored, a reader that went away
/// (`covbot gate | head -1`) makes a write fail with EPIPE, and the rest of the output is dropped
/// instead of killing covbot before it has stopped its children.
struct Console: Sendable {
  let outStyle: TerminalStyle
  let errStyle: TerminalStyle
  let errIsTerminal: Bool
  /// Whether this runs as a GitHub Actions step, whose log turns `::command::` lines into actions.
  let inActions: Bool

  init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    outStyle = TerminalStyle.detect(fileDescriptor: STDOUT_FILENO, environment: environment)
    errStyle = TerminalStyle.detect(fileDescriptor: STDERR_FILENO, environment: environment)
    errIsTerminal = isatty(STDERR_FILENO) == 1
    inActions = ActionsEnvironment(environment).isActions
  }

  /// The run's output: standard output and error, fenced in Actions.
  var runOutput: RunOutput {
    RunOutput(
      inActions: inActions, out: { Self.write($0, to: STDOUT_FILENO) }, error: { Self.write($0, to: STDERR_FILENO) })
  }

  /// Writes to standard output.
  func out(_ text: String) {
    Self.write(text, to: STDOUT_FILENO)
  }

  /// Writes text that carries what tests printed or packages are named to standard output.
  ///
  /// In Actions it is fenced with `::stop-commands::<random>` … `::<random>::`, so a test that
  /// prints `::warning::…` or `::add-mask::…` cannot issue workflow commands through covbot.
  func outUntrusted(_ text: String) {
    runOutput.untrusted(text)
  }

  /// Writes a line to standard error.
  func error(_ text: String) {
    Self.write(text.hasSuffix("\n") ? text : text + "\n", to: STDERR_FILENO)
  }

  /// A writer for progress output on standard error.
  var errWriter: @Sendable (String) -> Void {
    { text in Self.write(text, to: STDERR_FILENO) }
  }

  /// Writes all of `text` to `descriptor`; gives up quietly on EPIPE and other write errors.
  static func write(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      bytes = bytes.dropFirst(written)
    }
  }
}
