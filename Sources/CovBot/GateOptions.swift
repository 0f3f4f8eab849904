import ArgumentParser
import CovBotKit
import CovBotSupport
import CovEngine
import Foundation
import Reporters

/// The flags that choose what to measure and how: shared by `gate`, `ratchet` and `shards`.
struct GateOptions: ParsableArguments {
  @Argument(help: "Package patterns (default ./...); after `--`, flags for go test (not -cover*, -json, -p, -timeout).")
  var patterns: [String] = []

  /// The flags after `--`, set by `CovBotCommand.parse(commandLine:)`.
  ///
  /// Not an `@Argument(parsing: .postTerminator)`: argument-parser refuses a second array of
  /// positionals beside `patterns` in the same command, whichever strategy it uses.
  var goTestFlags: [String] = []

  @Option(name: .customLong("module-dir"), help: "The Go module to gate.")
  var moduleDirectory = "."

  @Option(name: .customLong("exclude"), help: "A package pattern to skip (repeatable).")
  var excludes: [String] = []

  @Option(parsing: .unconditional, help: "The floor of packages without a .covgate file.")
  var defaultFloor = Percent(units: 800, scale: 1)

  @Option(parsing: .unconditional, help: "How many points an explicit floor may lag coverage before it is LOOSE.")
  var tolerance = Percent(units: 5, scale: 1)

  @Option(help: "Whether a LOOSE floor fails the gate (fail) or only warns (warn).")
  var loose = GateSettings.LoosePolicy.fail

  @Option(help: "auto, single (one go test process) or per-package (covgate's model).")
  var strategy = StrategyChoice.auto

  @Option(parsing: .unconditional, help: "Packages measured at once; the default is this machine's CPU count.")
  var parallelism = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "Per-package test timeout (Go duration: 90s, 10m, 1h; from 1s to 100h).")
  var timeout = DurationArgument(argument: "10m")!

  @Option(help: "Build-cache pre-warm before per-package runs: auto, compile, test-run or none.")
  var prewarm = PrewarmMode.auto

  @Option(help: "A previous results file: its durations schedule the slowest packages first.")
  var history: String?

  @Option(help: "Tests for <src-prefix>/x live in <test-dir>/x (covgate's layout).")
  var testDir: String?

  @Option(help: "The source tree --test-dir mirrors (default: the module root).")
  var srcPrefix = ""

  @Option(
    name: .customLong("json"), help: "Where to write the results (default: covbot-results.json in the module root).")
  var resultsPath: String?

  @Option(name: .customLong("go"), help: "The go binary (default: go on PATH).")
  var goPath: String?

  @Flag(help: "Honour go.work instead of setting GOWORK=off.")
  var useWorkspace = false

  @Option(help: "The commit being measured, recorded in the results (default: GITHUB_SHA).")
  var revision: String?

  @Option(help: "Measure only shard K of N balanced shards (e.g. 2/4); merge them with `covbot merge`.")
  var shard: ShardSelection?

  func validate() throws {
    guard (1...4096).contains(parallelism) else { throw ValidationError("--parallelism must be between 1 and 4096") }
    for (flag, value) in [("--module-dir", moduleDirectory), ("--json", resultsPath), ("--history", history)] {
      if let value, value.isEmpty { throw ValidationError("\(flag) must not be empty") }
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: moduleDirectory, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw ValidationError("--module-dir \(moduleDirectory): no such directory")
    }
    if let resultsPath {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: resultsPath, isDirectory: &isDirectory), isDirectory.boolValue {
        throw ValidationError("--json \(resultsPath) is a directory; give a file path")
      }
    }
    guard defaultFloor >= .zero, defaultFloor <= Percent(units: 100, scale: 0) else {
      throw ValidationError("--default-floor must be between 0 and 100")
    }
    guard tolerance >= .zero else { throw ValidationError("--tolerance must not be negative") }
    if !srcPrefix.isEmpty && testDir == nil { throw ValidationError("--src-prefix needs --test-dir") }
  }

  /// Takes the flags that followed `--` on the command line, refusing those covbot owns.
  mutating func passThrough(_ flags: [String]) throws {
    do {
      _ = try GoTestFlags(validating: flags)
    } catch {
      throw RunFailure(.usage, "\(error)")
    }
    goTestFlags = flags
  }

  /// The gate run these flags describe, printing through `console`.
  ///
  /// `secretVariables` (the publishing token's variable) are removed from every go child's
  /// environment, besides the usual token variables.
  func run(console: Console, secretVariables: [String] = []) throws -> GateRun {
    let progress = TerminalProgress(
      live: console.errIsTerminal && ProcessInfo.processInfo.environment["CI"] == nil, style: console.errStyle,
      write: console.errWriter)
    return GateRun(
      configuration: try gateConfiguration(moduleDirectory: absoluteModuleDirectory), go: try toolchain(),
      resultsPath: resultsPath, secretVariables: secretVariables, watchdogExecutable: Self.ownExecutable,
      progress: progress, output: console.runOutput)
  }

  /// This executable, which the watchdog runs a second copy of.
  static var ownExecutable: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }

  func gateConfiguration(moduleDirectory: String) throws -> GateConfiguration {
    var historyDurations = DurationHistory.empty
    if let history {
      do {
        historyDurations = DurationHistory(results: try ResultsFile.read(from: history))
      } catch {
        throw RunFailure(.usage, "--history: \(error)")
      }
    }
    let environment = ProcessInfo.processInfo.environment
    return GateConfiguration(
      moduleDirectory: moduleDirectory, patterns: patterns.isEmpty ? ["./..."] : patterns, excludes: excludes,
      settings: GateSettings(defaultFloor: defaultFloor, tolerance: tolerance, loose: loose), strategy: strategy,
      parallelism: parallelism, timeout: timeout.duration, prewarm: prewarm, history: historyDurations,
      testDirectories: testDir.map { TestDirectoryMapping(testDirectory: $0, sourcePrefix: srcPrefix) },
      goTestFlags: goTestFlags, commit: revision ?? ActionsEnvironment(environment).sha,
      shard: shard)
  }

  /// The module directory as an absolute path.
  var absoluteModuleDirectory: String {
    URL(fileURLWithPath: moduleDirectory).standardizedFileURL.path
  }

  /// The go toolchain to drive, or exit 3.
  func toolchain() throws -> GoToolchain {
    do {
      return try GoToolchain.locate(explicitPath: goPath, useWorkspace: useWorkspace)
    } catch {
      throw RunFailure(.infrastructure, "\(error)")
    }
  }
}
