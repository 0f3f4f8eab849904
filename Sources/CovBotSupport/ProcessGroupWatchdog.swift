import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A helper process that stops covbot's child process groups when covbot dies without doing so.
///
/// `PR_SET_PDEATHSIG` reaches only a direct child: when covbot is SIGKILLed, `go test`'s test
/// binaries (grandchildren) would run on. The watchdog, a second copy of covbot in a process group
/// of its own, reads group ids from a pipe whose write end only covbot holds (close-on-exec, so no
/// child inherits it). When covbot is gone, however it ended, the pipe reads end-of-file and the
/// watchdog sends SIGTERM, then SIGKILL, to every group still registered, removes the registered
/// scratch paths and exits. When covbot ends normally nothing is registered any more.
public final class ProcessGroupWatchdog: Sendable {
  /// The first argument that makes `covbot` run as the watchdog (see ``serve()``).
  public static let argument = "__covbot-watchdog"

  private let writeEnd: Int32
  private let pid: pid_t

  private init(writeEnd: Int32, pid: pid_t) {
    self.writeEnd = writeEnd
    self.pid = pid
  }

  /// Runs `body` with a watchdog started from `executable` (covbot itself), then stops it.
  ///
  /// When the watchdog cannot be started, `body` runs with `nil`: children are still torn down on
  /// every signal covbot can catch, only not after a SIGKILL.
  public static func withWatchdog<Result>(
    executable: String, _ body: (ProcessGroupWatchdog?) async throws -> Result
  ) async rethrows -> Result {
    let watchdog = start(executable: executable)
    defer { watchdog?.stop() }
    return try await body(watchdog)
  }

  /// Registers a child's process group (its leader's pid).
  public func register(_ group: pid_t) { send("+\(group)") }

  /// Forgets a process group that has been torn down and reaped.
  public func unregister(_ group: pid_t) { send("-\(group)") }

  /// Asks the watchdog to remove `path` (a scratch directory) if covbot dies.
  public func removeOnExit(_ path: String) { send("d" + path) }

  /// Withdraws ``removeOnExit(_:)`` once covbot has removed `path` itself.
  public func keep(_ path: String) { send("k" + path) }

  private func send(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    // One write of at most PIPE_BUF bytes is atomic, so concurrent senders never interleave.
    guard bytes.count <= Int(PIPE_BUF) else { return }
    _ = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
  }

  private func stop() {
    close(writeEnd)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
  }

  private static func start(executable: String) -> ProcessGroupWatchdog? {
    var fds: [Int32] = [-1, -1]
    // Started before any other child, so no spawn can slip in before the flags are set.
    guard pipe(&fds) == 0 else { return nil }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    var attributes = posix_spawnattr_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawnattr_init(&attributes)
    defer {
      posix_spawn_file_actions_destroy(&actions)
      posix_spawnattr_destroy(&attributes)
    }
    posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
    // Nothing of covbot's standard output may be held open by the watchdog (`covbot gate | head`).
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    // Its own group: Ctrl-C on the terminal and a kill of covbot's group must not reach it.
    posix_spawnattr_setpgroup(&attributes, 0)
    var defaults = sigset_t()
    sigfillset(&defaults)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    var pid: pid_t = 0
    let arguments = [executable, argument]
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, &argv, environ)
    close(fds[0])
    guard spawned == 0 else {
      close(fds[1])
      return nil
    }
    return ProcessGroupWatchdog(writeEnd: fds[1], pid: pid)
  }

  /// The watchdog's own main: reads registrations from standard input until end-of-file, then
  /// stops every group still registered and removes the scratch paths.
  public static func serve() -> Never {
    for number in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT] { signal(number, SIG_IGN) }
    var groups = Set<pid_t>()
    var paths = Set<String>()
    var pending: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      pending += buffer[..<count]
      while let newline = pending.firstIndex(of: 0x0A) {
        let line = String(decoding: pending[..<newline], as: UTF8.self)
        pending.removeSubrange(...newline)
        let value = String(line.dropFirst())
        switch line.first {
        case "+": if let group = pid_t(value), group > 0 { groups.insert(group) }
        case "-": if let group = pid_t(value) { groups.remove(group) }
        case "d": paths.insert(value)
        case "k": paths.remove(value)
        default: break
        }
      }
    }
    let alive = groups.filter { kill(-$0, SIGTERM) == 0 }
    for _ in 0..<20 where alive.contains(where: { kill(-$0, 0) == 0 }) { usleep(100_000) }
    for group in alive { kill(-group, SIGKILL) }
    for path in paths where path.count > 1 { try? FileManager.default.removeItem(atPath: path) }
    exit(0)
  }
}
