import CovEngine
import Foundation
import Subprocess
import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

/// One child process the benchmark runs: own process group, both pipes drained, a timeout.
///
/// The child gets its own process group so that a timeout or Ctrl-C reaches the test binaries
/// `go test` starts; teardown is SIGTERM to the group, then SIGKILL.
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

  /// The command line, for messages.
  var commandLine: String {
    ([URL(fileURLWithPath: executable).lastPathComponent] + arguments).joined(separator: " ")
  }

  /// Runs the child to completion (it is reaped before this returns).
  ///
  /// Throws `CancellationError` when the calling task is cancelled, after tearing the group down.
  func run() async throws -> ChildResult {
    let stdout = Locked(OutputBuffer())
    let stderr = Locked(OutputBuffer())
    let group = Locked<pid_t?>(nil)
    let status: TerminationStatus? = try await withThrowingTaskGroup(of: TerminationStatus?.self) { tasks in
      tasks.addTask { try await launch(stdout: stdout, stderr: stderr, group: group) }
      tasks.addTask {
        try await Task.sleep(for: timeout)
        return nil
      }
      let first = try await tasks.next()!
      tasks.cancelAll()
      if first == nil { _ = try? await tasks.next() }
      return first
    }
    if status == nil, let pgid = group.value, pgid > 0 { _ = kill(-pgid, SIGKILL) }
    return ChildResult(status: status, stdout: stdout.value.text, stderr: stderr.value.text)
  }

  private func launch(
    stdout: Locked<OutputBuffer>, stderr: Locked<OutputBuffer>, group: Locked<pid_t?>
  ) async throws -> TerminationStatus {
    var options = PlatformOptions()
    options.processGroupID = 0
    options.teardownSequence = [.send(signal: .terminate, toProcessGroup: true, allowedDurationToNextStep: .seconds(3))]
    var overrides: [Environment.Key: String?] = [:]
    for (key, value) in environment { overrides[Environment.Key(stringLiteral: key)] = value }
    let result = try await Subprocess.run(
      .path(FilePath(executable)), arguments: Arguments(arguments), environment: .inherit.updating(overrides),
      workingDirectory: FilePath(workingDirectory), platformOptions: options, input: .none, output: .sequence,
      error: .sequence
    ) { execution in
      group.withLock { $0 = execution.processIdentifier.value }
      try await withThrowingTaskGroup(of: Void.self) { drains in
        drains.addTask {
          for try await chunk in execution.standardOutput {
            chunk.withUnsafeBytes { bytes in stdout.withLock { $0.append(bytes) } }
          }
        }
        drains.addTask {
          for try await chunk in execution.standardError {
            chunk.withUnsafeBytes { bytes in stderr.withLock { $0.append(bytes) } }
          }
        }
        try await drains.waitForAll()
      }
    }
    return result.terminationStatus
  }
}

/// How a ``ChildCommand`` ended, with its output.
struct ChildResult: Sendable {
  /// The termination status, or `nil` when the timeout fired.
  var status: TerminationStatus?
  /// Standard output (bounded).
  var stdout: String
  /// Standard error (bounded).
  var stderr: String

  /// The exit code, when the child exited normally.
  var exitCode: Int32? {
    if case .exited(let code)? = status { return code }
    return nil
  }

  /// `exit status 2`, `killed by signal 9`, `timed out`.
  var summary: String {
    switch status {
    case nil: "timed out"
    case .exited(let code)?: "exit status \(code)"
    case .signaled(let signal)?: "killed by signal \(signal)"
    }
  }

  /// The last few non-empty lines of standard error (or output), to quote in a message.
  func tail(lines count: Int = 6) -> String {
    let text = stderr.isEmpty ? stdout : stderr
    let lines = text.split(whereSeparator: \.isNewline).suffix(count)
    return lines.map { "    \($0)" }.joined(separator: "\n")
  }
}

/// Bytes collected up to ``ChildCommand/outputLimit``.
struct OutputBuffer: Sendable {
  private var bytes: [UInt8] = []

  mutating func append(_ chunk: UnsafeRawBufferPointer) {
    let room = ChildCommand.outputLimit - bytes.count
    guard room > 0 else { return }
    bytes.append(contentsOf: chunk.prefix(room))
  }

  var text: String { String(decoding: bytes, as: UTF8.self) }
}
