import CovBotSupport
import Foundation

/// The `go` command CovBot drives, and the environment every go child runs with.
public struct GoToolchain: Sendable {
  /// Absolute path of the `go` binary.
  public var executable: String
  /// Environment overrides for every go child (`GOWORK=off` unless workspaces are wanted).
  public var environment: [String: String?]
  /// Told about every go child's process group, so none outlives covbot.
  public var watchdog: ProcessGroupWatchdog?

  /// How long a `go list` or `go env` may take: module loading, not tests.
  public static let queryTimeout = Duration.seconds(600)

  /// Uses `explicitPath` when given, else the first `go` on `PATH`.
  public static func locate(
    explicitPath: String? = nil, useWorkspace: Bool = false
  ) throws(GoToolError)
    -> GoToolchain
  {
    let environment: [String: String?] = useWorkspace ? [:] : ["GOWORK": "off"]
    if let explicitPath {
      guard FileManager.default.isExecutableFile(atPath: explicitPath) else {
        throw GoToolError(
          command: explicitPath, reason: "is not an executable file", hint: "Pass the path of a go binary to --go.")
      }
      return GoToolchain(executable: explicitPath, environment: environment)
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for directory in path.split(separator: ":") where !directory.isEmpty {
      let candidate = "\(directory)/go"
      if FileManager.default.isExecutableFile(atPath: candidate) {
        return GoToolchain(executable: candidate, environment: environment)
      }
    }
    throw GoToolError(
      command: "go", reason: "no go toolchain found on PATH",
      hint: "Install Go (https://go.dev/dl, actions/setup-go in CI, or `make go` here) or pass --go PATH.")
  }

  /// A go child process running `go <arguments>` in `directory`.
  public func command(
    _ arguments: [String], in directory: String, timeout: Duration = GoToolchain.queryTimeout
  ) -> ChildProcess {
    var child = ChildProcess(
      executable: executable, arguments: arguments, environment: environment, workingDirectory: directory,
      timeout: timeout)
    child.watchdog = watchdog
    return child
  }

  /// Runs `go <arguments>` and returns its standard output, or throws with its standard error.
  public func output(
    _ arguments: [String], in directory: String, timeout: Duration = GoToolchain.queryTimeout
  ) async throws
    -> String
  {
    let child = command(arguments, in: directory, timeout: timeout)
    let (result, stdout) = try await child.runCollecting()
    if case .timedOut = result.outcome {
      throw GoToolError(
        command: child.commandLine, reason: "did not finish within \(timeout.goStyle) and was stopped",
        hint: "Run the same command in \(directory) to see where it hangs (module downloads, a slow file system).")
    }
    guard result.succeeded else {
      throw GoToolError(
        command: child.commandLine, reason: "\(result.summary): \(result.stderr.trimmingCharacters(in: .newlines))",
        hint: "Run the same command in \(directory) to see the problem.")
    }
    return stdout
  }

  /// The toolchain's version, e.g. `go1.27.3`; throws when go has no build cache.
  ///
  /// Without a build cache (`GOCACHE=off`, or neither `HOME` nor `XDG_CACHE_HOME` set) every
  /// `go test` fails to start: that is the machine's fault, not each package's, and must not read
  /// as a build failure of every package.
  public func version(in directory: String) async throws -> String {
    let command = ["env", "GOVERSION", "GOCACHE"]
    let lines = try await output(command, in: directory).split(separator: "\n", omittingEmptySubsequences: false)
    let cache = lines.count > 1 ? lines[1].trimmingCharacters(in: .whitespaces) : ""
    if cache == "off" || cache.isEmpty {
      throw GoToolError(
        command: (["go"] + command).joined(separator: " "),
        reason: "go has no build cache (GOCACHE=\(cache.isEmpty ? "\"\"" : cache)), and go test cannot run without one",
        hint: "Set GOCACHE to a writable directory, or HOME (go then uses $HOME/.cache/go-build).")
    }
    return lines.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
  }
}

/// Running the go toolchain failed.
public struct GoToolError: Error, Sendable, CustomStringConvertible {
  /// The command that failed.
  public var command: String
  /// What happened.
  public var reason: String
  /// What to do next.
  public var hint: String

  public var description: String { "\(command): \(reason). \(hint)" }
}
