import CovBotSupport
import CovEngine
import Foundation

/// One child process the benchmark runs, through CovEngine's ``ChildProcess``: own process group,
/// both pipes drained, a timeout, SIGTERM then SIGKILL to the group on timeout or Ctrl-C.
struct ChildCommand: Sendable {
  /// The executable's absolute path.
  var executable: String
  /// Arguments, without the executable.
  var arguments: [String]
  /// Environment overrides on top of the inherited environment.
  var environment: [String: String]
  /// The working directory.
  var workingDirectory: String
  /// After this long the child is torn down and the result marked as timed out.
  var timeout: Duration

  /// Output beyond this many bytes per stream is dropped (the head is kept).
  static let outputLimit = 8 << 20

  /// Runs the child to completion (it is reaped before this returns).
  ///
  /// Throws `CancellationError` when the calling task is cancelled, after tearing the group down.
  func run() async throws -> ChildResult {
    var process = ChildProcess(
      executable: executable, arguments: arguments, environment: environment.mapValues { $0 },
      workingDirectory: workingDirectory, timeout: timeout)
    process.gracePeriod = .seconds(3)
    process.stderrLimit = Self.outputLimit
    let (result, stdout) = try await process.runCollecting(stdoutLimit: Self.outputLimit)
    return ChildResult(process: result, stdout: stdout)
  }
}

/// How a ``ChildCommand`` ended, with its output.
struct ChildResult: Sendable {
  /// How the process ended (exit code, `summary`), with its standard error (bounded).
  var process: ChildProcessResult
  /// Standard output (bounded).
  var stdout: String

  /// Standard error (bounded).
  var stderr: String { process.stderr }
  /// The exit code, when the child exited normally.
  var exitCode: Int32? { process.exitCode }
  /// `exit status 2`, `killed by signal 9`, `timed out`.
  var summary: String { process.summary }

  /// The last few non-empty lines of standard error (or output), to quote in a message.
  func tail(lines count: Int = 6) -> String {
    let text = stderr.isEmpty ? stdout : stderr
    let lines = text.split(whereSeparator: \.isNewline).suffix(count)
    return lines.map { "    \($0)" }.joined(separator: "\n")
  }
}
