import CovBotSupport
import CovEngine
import Foundation
import TestSupport

/// Runs the built `covbot` binary, as a user or a CI step would.
enum CovBotProcess {
  /// What a run printed and how it ended.
  struct Output: Sendable {
    var exitCode: Int32
    var stdout: String
    var stderr: String

    /// Both streams, for assertions that must hold for every byte printed (e.g. no token).
    var combined: String { stdout + stderr }
  }

  /// The `covbot` binary next to the test bundle (`swift build` puts both in the same folder).
  static var binary: String {
    get throws {
      let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      var directory = executable.deletingLastPathComponent()
      // On Linux the runner is `<bin>/covbotPackageTests.xctest`; step out of any bundle folder.
      while directory.pathExtension == "xctest" || directory.lastPathComponent == "Contents" {
        directory = directory.deletingLastPathComponent()
      }
      let candidate = directory.appendingPathComponent("covbot").path
      guard FileManager.default.isExecutableFile(atPath: candidate) else {
        throw FixtureError("covbot binary not found at \(candidate); run `swift build` before `swift test`")
      }
      return candidate
    }
  }

  /// Runs `covbot <arguments>` in `workingDirectory` with `environment` on top of a clean base.
  ///
  /// The base keeps PATH (with the Go toolchain), HOME and Go's cache settings, and drops the
  /// GitHub Actions variables of the machine running the tests so they cannot leak into a run.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], workingDirectory: String,
    timeout: Duration = .seconds(600)
  ) async throws -> Output {
    var child = ChildProcess(
      executable: try binary, arguments: arguments, environment: try cleanEnvironment(environment),
      workingDirectory: workingDirectory,
      timeout: timeout)
    child.stderrLimit = 16 << 20
    let (result, stdout) = try await child.runCollecting()
    // Killed by a signal, covbot "exits" 128 + signal, as a shell reports it.
    if let signal = result.terminatingSignal {
      return Output(exitCode: 128 + signal, stdout: stdout, stderr: result.stderr)
    }
    guard let code = result.exitCode else {
      throw FixtureError("covbot \(arguments.joined(separator: " ")) ended with \(result.summary)\n\(result.stderr)")
    }
    return Output(exitCode: code, stdout: stdout, stderr: result.stderr)
  }
}

extension CovBotProcess {
  /// Runs `script` with `/bin/sh -c` in `workingDirectory`, with `$COVBOT` naming the built binary
  /// and the same clean environment as ``run(_:environment:workingDirectory:timeout:)``: for runs
  /// that need a pipe or a signal sent at the right moment.
  static func shell(
    _ script: String, environment: [String: String] = [:], workingDirectory: String,
    timeout: Duration = .seconds(300)
  ) async throws -> Output {
    let overrides = try cleanEnvironment(environment.merging(["COVBOT": try binary]) { given, _ in given })
    var child = ChildProcess(
      executable: "/bin/sh", arguments: ["-c", script], environment: overrides, workingDirectory: workingDirectory,
      timeout: timeout)
    child.stderrLimit = 16 << 20
    let (result, stdout) = try await child.runCollecting()
    guard let code = result.exitCode else {
      throw FixtureError("sh -c \(script) ended with \(result.summary)\n\(result.stderr)")
    }
    return Output(exitCode: code, stdout: stdout, stderr: result.stderr)
  }

  /// The overrides that turn this process's environment into the clean base plus `environment`.
  ///
  /// The base keeps PATH (with the Go toolchain), HOME and Go's cache settings, and drops the
  /// GitHub Actions variables of the machine running the tests so they cannot leak into a run.
  private static func cleanEnvironment(_ environment: [String: String]) throws -> [String: String?] {
    var base = ProcessInfo.processInfo.environment.filter { key, _ in
      !key.hasPrefix("GITHUB_") && key != "CI" && key != "RUNNER_TEMP" && key != "NO_COLOR"
    }
    base["PATH"] = try GoFixture.pathWithGo()
    base["GOTOOLCHAIN"] = "local"
    base["GOPROXY"] = "off"
    base["GOFLAGS"] = ""
    let merged = base.merging(environment) { _, new in new }
    var overrides: [String: String?] = [:]
    for key in ProcessInfo.processInfo.environment.keys where merged[key] == nil { overrides[key] = .some(nil) }
    for (key, value) in merged { overrides[key] = value }
    return overrides
  }
}
