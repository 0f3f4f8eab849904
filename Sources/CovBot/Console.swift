import Foundation
import Reporters

/// Standard output and error, with colour decided per stream.
struct Console: Sendable {
  let outStyle: TerminalStyle
  let errStyle: TerminalStyle
  let errIsTerminal: Bool

  init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    outStyle = TerminalStyle.detect(fileDescriptor: STDOUT_FILENO, environment: environment)
    errStyle = TerminalStyle.detect(fileDescriptor: STDERR_FILENO, environment: environment)
    errIsTerminal = isatty(STDERR_FILENO) == 1
  }

  /// Writes to standard output.
  func out(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// Writes a line to standard error.
  func error(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  /// A writer for progress output on standard error.
  var errWriter: @Sendable (String) -> Void {
    { text in FileHandle.standardError.write(Data(text.utf8)) }
  }
}
