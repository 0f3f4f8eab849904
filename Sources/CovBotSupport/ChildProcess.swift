import Foundation
import Subprocess
import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

/// Runs one child process in its own process group, with a timeout and a clean teardown.
///
/// The child gets its own process group so that a teardown (timeout, Ctrl-C, SIGTERM) reaches
/// everything it started — `go test` runs test binaries as grandchildren. Cancellation sends
/// SIGTERM to the group, then SIGKILL after a grace period; no orphan is left behind.
public struct ChildProcess: Sendable {
  /// The executable's path.
  public var executable: String
  /// Arguments, without the executable.
  public var arguments: [String]
  /// Environment overrides on top of the inherited environment (`nil` unsets a variable).
  public var environment: [String: String?]
  /// The working directory.
  public var workingDirectory: String
  /// After this long the child is torn down and the result is marked `timedOut`.
  public var timeout: Duration?
  /// How long the group gets between SIGTERM and SIGKILL.
  public var gracePeriod: Duration = .seconds(2)
  /// Standard error beyond this many bytes is dropped (the head is kept).
  public var stderrLimit: Int = 1 << 20
  /// Told about the child's process group, so that the group dies even when covbot is killed.
  public var watchdog: ProcessGroupWatchdog?

  /// Describes a child process to run.
  public init(
    executable: String, arguments: [String], environment: [String: String?] = [:], workingDirectory: String,
    timeout: Duration? = nil
  ) {
    self.executable = executable
    self.arguments = arguments
    self.environment = environment
    self.workingDirectory = workingDirectory
    self.timeout = timeout
  }

  /// The command line, for messages.
  public var commandLine: String {
    ([URL(fileURLWithPath: executable).lastPathComponent] + arguments).joined(separator: " ")
  }

  /// Runs the child, handing each standard-output line to `onLine` as it arrives.
  ///
  /// Returns when the child has exited and been reaped, also after a timeout or when `stopWhen`
  /// (polled four times a second) says so; throws `CancellationError` when the calling task was
  /// cancelled (after tearing the group down). Whatever the child left running in its process
  /// group (a test's background process) is killed when the child exits.
  public func run(
    stopWhen: (@Sendable () -> Bool)? = nil, onLine: @escaping @Sendable (String) -> Void
  ) async throws -> ChildProcessResult {
    let start = ContinuousClock.now
    let stderr = Locked(BoundedText(limit: stderrLimit))
    let processGroup = Locked<pid_t?>(nil)
    let outcome: ChildProcessResult.Outcome
    defer {
      Self.killGroup(processGroup.value)
      if let group = processGroup.value { watchdog?.unregister(group) }
    }
    // Cancelled from outside (Ctrl-C, SIGTERM, a sibling failed), the launch task's teardown runs
    // and the error propagates; the deferred kill catches whatever ignored SIGTERM.
    outcome = try await withThrowingTaskGroup(of: ChildProcessResult.Outcome.self) { group in
      group.addTask {
        .exited(try await self.launch(onLine: onLine, stderr: stderr, processGroup: processGroup))
      }
      if let timeout {
        group.addTask {
          try await Task.sleep(for: timeout)
          return .timedOut
        }
      }
      if let stopWhen {
        group.addTask {
          while true {
            try await Task.sleep(for: .milliseconds(250))
            if stopWhen() { return .stopped }
          }
        }
      }
      let first = try await group.next()!
      // Timed out or stopped: cancelling the launch task tears the group down, and the scope
      // waits for it to be reaped before returning.
      group.cancelAll()
      return first
    }
    return ChildProcessResult(
      outcome: outcome, stderr: stderr.value.text, duration: ContinuousClock.now - start)
  }

  /// Runs the child without a stop condition; see ``run(stopWhen:onLine:)``.
  public func run(onLine: @escaping @Sendable (String) -> Void) async throws -> ChildProcessResult {
    try await run(stopWhen: nil, onLine: onLine)
  }

  /// Runs the child and collects its whole standard output.
  public func runCollecting(stdoutLimit: Int = 64 << 20) async throws -> (ChildProcessResult, String) {
    let stdout = Locked(BoundedText(limit: stdoutLimit))
    let result = try await run { line in stdout.withLock { $0.appendLine(line) } }
    return (result, stdout.value.text)
  }

  private func launch(
    onLine: @escaping @Sendable (String) -> Void, stderr: Locked<BoundedText>, processGroup: Locked<pid_t?>
  ) async throws -> TerminationStatus {
    var options = PlatformOptions()
    options.processGroupID = 0
    options.teardownSequence = [
      .send(signal: .terminate, toProcessGroup: true, allowedDurationToNextStep: gracePeriod)
    ]
    var overrides: [Environment.Key: String?] = [:]
    for (key, value) in environment { overrides[Environment.Key(stringLiteral: key)] = value }
    let result = try await Subprocess.run(
      .path(FilePath(executable)),
      arguments: Arguments(arguments),
      environment: .inherit.updating(overrides),
      workingDirectory: FilePath(workingDirectory),
      platformOptions: options,
      input: .none,
      output: .sequence,
      error: .sequence
    ) { execution in
      processGroup.withLock { $0 = execution.processIdentifier.value }
      watchdog?.register(execution.processIdentifier.value)
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          try await Self.forEachLine(of: execution.standardOutput, onLine)
        }
        group.addTask {
          try await Self.forEachLine(of: execution.standardError) { line in
            stderr.withLock { $0.appendLine(line) }
          }
        }
        try await group.waitForAll()
      }
    }
    return result.terminationStatus
  }

  private static func forEachLine(
    of output: SubprocessOutputSequence, _ onLine: (String) -> Void
  ) async throws {
    var splitter = LineSplitter()
    for try await chunk in output {
      chunk.withUnsafeBytes { splitter.append($0, emit: onLine) }
    }
    splitter.finish(emit: onLine)
  }

  /// SIGKILLs whatever is left of the group (test binaries that ignored SIGTERM) and waits,
  /// briefly, until the kernel has removed them, so no caller sees a straggler.
  private static func killGroup(_ group: pid_t?) {
    guard let group, group > 0 else { return }
    guard kill(-group, SIGKILL) == 0 else { return }
    for _ in 0..<200 where kill(-group, 0) == 0 && !groupIsOnlyZombies(group) {
      usleep(10_000)
    }
  }

  /// Whether every member of the group has exited and only waits to be reaped.
  private static func groupIsOnlyZombies(_ group: pid_t) -> Bool {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return true }
    for entry in entries where Int32(entry) != nil {
      guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
        let fields = stat.split(separator: ")").last?.split(separator: " "), fields.count > 3
      else { continue }
      // Fields after the command: state, ppid, pgrp.
      if Int32(fields[3]) == group && fields[1] != "Z" { return false }
    }
    return true
  }
}

/// How a child process ended, with its standard error and wall time.
public struct ChildProcessResult: Sendable {
  /// How the child ended.
  public enum Outcome: Sendable {
    /// The child exited (or was killed by a signal it got from elsewhere).
    case exited(TerminationStatus)
    /// The timeout fired and the group was torn down.
    case timedOut
    /// The caller's stop condition held and the group was torn down.
    case stopped
  }

  /// How the child ended.
  public var outcome: Outcome
  /// Standard error (bounded).
  public var stderr: String
  /// Wall time from launch to reap.
  public var duration: Duration

  /// Whether the child exited with status 0.
  public var succeeded: Bool {
    if case .exited(.exited(0)) = outcome { return true }
    return false
  }

  /// The exit code, when the child exited normally.
  public var exitCode: Int32? {
    if case .exited(.exited(let code)) = outcome { return code }
    return nil
  }

  /// The signal that killed the child, when one did.
  public var terminatingSignal: Int32? {
    if case .exited(.signaled(let signal)) = outcome { return signal }
    return nil
  }

  /// `exit status 2`, `killed by signal 9`, `timed out`.
  public var summary: String {
    switch outcome {
    case .timedOut: "timed out"
    case .stopped: "stopped"
    case .exited(.exited(let code)): "exit status \(code)"
    case .exited(.signaled(let signal)): "killed by signal \(signal)"
    }
  }
}

/// Text collected up to a byte limit; the rest is dropped (the head is what explains a failure).
public struct BoundedText: Sendable {
  /// The most bytes kept.
  public var limit: Int
  /// The text kept so far.
  public private(set) var text = ""

  /// Creates an empty text that keeps at most `limit` bytes.
  public init(limit: Int) { self.limit = limit }

  /// Appends `line` and a line break, unless that would pass the limit.
  public mutating func appendLine(_ line: String) {
    let needed = line.utf8.count + 1
    if text.utf8.count + needed <= limit {
      text += line
      text += "\n"
    }
  }
}
