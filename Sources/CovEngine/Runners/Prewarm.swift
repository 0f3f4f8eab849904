import Foundation

/// Fills the Go build cache once before N parallel `go test` processes start.
///
/// Without it, N processes compile the same dependencies (net/http, crypto/tls, …) at the same
/// time. `compile` (`go list -export -deps -test`) compiles every package and test variant without
/// linking or running test binaries, which is why `auto` picks it.
struct Prewarm: Sendable {
  var go: GoToolchain

  /// The command a mode runs, for logs.
  static func arguments(for mode: PrewarmMode, plan: MeasurementPlan) -> [String] {
    let packages = plan.packages.map(\.importPath) + plan.extraTests.values.flatMap { $0 }
    switch mode {
    case .auto, .compile:
      return ["list", "-e", "-export", "-deps", "-test", "-f={{if .Error}}{{.importPath}}: {{.Error}}{{end}}"]
        + plan.buildFlags + packages
    case .testRun:
      return ["test", "-run=^$", "-p=\(plan.parallelism)"] + plan.goTestFlags + packages
    case .none:
      return []
    }
  }

  /// Runs the pre-warm; compile errors in packages are left for their own runs to report.
  func run(_ mode: PrewarmMode, plan: MeasurementPlan) async throws {
    let arguments = Self.arguments(for: mode, plan: plan)
    guard !arguments.isEmpty else { return }
    let child = go.command(arguments, in: plan.moduleDirectory, timeout: plan.timeout + .seconds(600))
    let (result, _) = try await child.runCollecting(stdoutLimit: 1 << 20)
    // Exit status 1 means some package failed to build or test: its own run will say so.
    if let code = result.exitCode, code <= 1 { return }
    throw PrewarmError(
      command: child.commandLine, summary: result.summary,
      stderr: String(result.stderr.suffix(4000)).trimmingCharacters(in: .newlines))
  }
}

/// The build-cache pre-warm failed in a way no package run would explain.
public struct PrewarmError: Error, Sendable, CustomStringConvertible {
  /// The go command.
  public var command: String
  /// How it ended.
  public var summary: String
  /// Its standard error (tail).
  public var stderr: String

  public var description: String {
    "pre-warm failed: \(command): \(summary)\n\(stderr)\nRun it yourself to see why, or pass --prewarm none."
  }
}
