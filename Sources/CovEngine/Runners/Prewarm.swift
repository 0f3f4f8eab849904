import CovBotSupport
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
      return ["list", "-e", "-export", "-deps", "-test", "-f={{if .Error}}{{.ImportPath}}: {{.Error}}{{end}}"]
        + plan.buildFlags + packages
    case .testRun:
      return ["test"] + plan.buildFlags + ["-run=^$", "-p=\(plan.parallelism)"] + packages
    case .none:
      return []
    }
  }

  /// Runs the pre-warm; compile errors in packages are left for their own runs to report.
  func run(_ mode: PrewarmMode, plan: MeasurementPlan) async throws {
    let arguments = Self.arguments(for: mode, plan: plan)
    guard !arguments.isEmpty else { return }
    let child = go.command(arguments, in: plan.moduleDirectory, timeout: plan.processLimit)
    let (result, stdout) = try await child.runCollecting(stdoutLimit: 1 << 20)
    if result.succeeded { return }
    // Exit status 1 with a package named on standard output means some package failed to build
    // or test: its own run will say so. Anything else (a broken go command, a bad flag, a timeout)
    // is the pre-warm's own failure.
    if result.exitCode == 1 && Self.namesAPackage(stdout, mode: mode, plan: plan) { return }
    throw PrewarmError(
      command: child.commandLine, summary: result.summary,
      stderr: String(result.stderr.suffix(4000)).trimmingCharacters(in: .newlines))
  }
}

extension Prewarm {
  /// Whether go's output reports a problem in one of the plan's packages.
  static func namesAPackage(_ stdout: String, mode: PrewarmMode, plan: MeasurementPlan) -> Bool {
    let packages = Set(plan.packages.map(\.importPath) + plan.extraTests.values.flatMap { $0 })
    for line in stdout.split(separator: "\n") {
      switch mode {
      case .testRun:
        // `FAIL\texample.com/m/p [build failed]`, `--- FAIL: …`
        if line.hasPrefix("FAIL") || line.hasPrefix("--- FAIL") { return true }
      default:
        // `example.com/m/p: <error>` from the -f template (also `p [p.test]: …`).
        let name = line.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        if packages.contains(GoTestEvent.packagePath(ofBuildTarget: name)) { return true }
      }
    }
    return false
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
