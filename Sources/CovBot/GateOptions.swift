import ArgumentParser
import CovEngine
import Foundation
import Reporters

/// The flags that choose what to measure and how: shared by `gate`, `ratchet` and `shards`.
struct GateOptions: ParsableArguments {
  @Argument(help: "Package patterns (default ./...); after `--`, flags for go test (not -cover*, -json, -p, -timeout).")
  var arguments: [String] = []

  /// Positional arguments before `--` are patterns; argument-parser passes what follows `--` as
  /// positionals too (and refuses a second array of positionals, even a post-terminator one), so
  /// split on the terminator of the real command line.
  private var patterns: [String] { Array(arguments.dropLast(goTestFlags.count)) }

  private var goTestFlags: [String] {
    let commandLine = CommandLine.arguments
    guard let terminator = commandLine.firstIndex(of: "--") else { return [] }
    let trailing = Array(commandLine[(terminator + 1)...])
    return arguments.suffix(trailing.count) == trailing[...] ? trailing : []
  }

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
    do {
      _ = try GoTestFlags(validating: goTestFlags)
    } catch {
      throw ValidationError("\(error)")
    }
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

  /// Runs the gate under a signal watcher; returns the results (partial when a signal arrived) and the signal.
  ///
  /// Every token variable covbot may have been given (`secretVariables`, the GitHub token's
  /// variable, and the usual ones) is removed from every go child's environment: the code under
  /// test is the pull request's and must not read a write token. A watchdog process stops every go
  /// process group even if covbot itself is killed.
  func measure(console: Console, secretVariables: [String] = []) async throws -> (CovResults, Int32?) {
    let moduleDirectory = absoluteModuleDirectory
    var go = try toolchain()
    for name in Set(secretVariables + Self.tokenVariables) { go.environment[name] = .some(nil) }
    let configuration = try gateConfiguration(moduleDirectory: moduleDirectory)
    let progress = TerminalProgress(
      live: console.errIsTerminal && ProcessInfo.processInfo.environment["CI"] == nil, style: console.errStyle,
      write: console.errWriter)
    let outcome = try await ProcessGroupWatchdog.withWatchdog(executable: Self.ownExecutable) { watchdog in
      go.watchdog = watchdog
      return try await Self.race(CoverageGate(go: go), configuration, progress: progress, console: console)
    }
    progress.finish()
    switch outcome {
    case .results(let results, let signal):
      return (results, signal)
    case .interruptedEarly(let signal):
      throw CommandFailure(
        code: ExitCode(128 + signal),
        description: "interrupted by signal \(signal) before any package was measured; no results written")
    }
  }

  /// The environment variables that carry GitHub tokens (the gh CLI's, Enterprise's, Actions').
  static let tokenVariables = [
    "GITHUB_TOKEN", "GH_TOKEN", "GITHUB_ENTERPRISE_TOKEN", "GH_ENTERPRISE_TOKEN", "ACTIONS_RUNTIME_TOKEN",
    "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
  ]

  /// This executable, which the watchdog runs a second copy of.
  static var ownExecutable: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }

  /// How a gate raced against the signal watcher ended.
  private enum RaceOutcome: Sendable {
    case results(CovResults, Int32?)
    case interruptedEarly(Int32)
  }

  /// Runs the gate, the signal watcher and the progress ticker; a signal cancels the gate, which
  /// stops every go process group and returns what was measured.
  private static func race(
    _ gate: CoverageGate, _ configuration: GateConfiguration, progress: TerminalProgress, console: Console
  ) async throws -> RaceOutcome {
    try await withThrowingTaskGroup(of: GateTaskResult.self) { group in
      group.addTask {
        do {
          return .results(try await gate.run(configuration, events: progress.handle))
        } catch is CancellationError {
          return .cancelled
        } catch {
          throw CommandFailure(engineError: error)
        }
      }
      group.addTask { .signal(await SignalWatcher.firstSignal()) }
      group.addTask {
        while !Task.isCancelled {
          try? await Task.sleep(for: .seconds(1))
          progress.tick()
        }
        return .signal(nil)
      }
      var received: Int32?
      while let next = try await group.next() {
        switch next {
        case .signal(let number?):
          received = number
          console.error("\nReceived signal \(number): stopping go processes and writing partial results…")
          group.cancelAll()
        case .signal(nil):
          continue
        case .results(let results):
          group.cancelAll()
          return .results(results, received)
        case .cancelled:
          group.cancelAll()
          // Cancelled before measuring started (during go list): nothing to write.
          return .interruptedEarly(received ?? SIGINT)
        }
      }
      throw CancellationError()
    }
  }

  /// Writes the results file (`--json`, default `covbot-results.json` in the module root); returns its path.
  @discardableResult
  func writeResults(_ results: CovResults) throws -> String {
    let path = resultsPath ?? (results.moduleDir as NSString).appendingPathComponent(ResultsFile.defaultName)
    do {
      try ResultsFile.write(results, to: path)
    } catch {
      throw CommandFailure(code: ExitStatus.infrastructure, description: "\(error)")
    }
    return path
  }

  func gateConfiguration(moduleDirectory: String) throws -> GateConfiguration {
    var historyDurations = DurationHistory.empty
    if let history {
      do {
        historyDurations = DurationHistory(results: try ResultsFile.read(from: history))
      } catch {
        throw CommandFailure(code: ExitStatus.usage, description: "--history: \(error)")
      }
    }
    let environment = ProcessInfo.processInfo.environment
    return GateConfiguration(
      moduleDirectory: moduleDirectory, patterns: patterns.isEmpty ? ["./..."] : patterns, excludes: excludes,
      settings: GateSettings(defaultFloor: defaultFloor, tolerance: tolerance, loose: loose), strategy: strategy,
      parallelism: parallelism, timeout: timeout.duration, prewarm: prewarm, history: historyDurations,
      testDirectories: testDir.map { TestDirectoryMapping(testDirectory: $0, sourcePrefix: srcPrefix) },
      goTestFlags: goTestFlags, commit: revision ?? environment["GITHUB_SHA"].flatMap { $0.isEmpty ? nil : $0 },
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
      throw CommandFailure(code: ExitStatus.infrastructure, description: "\(error)")
    }
  }
}

/// What one child of the gate's task group produced.
private enum GateTaskResult: Sendable {
  case results(CovResults)
  case cancelled
  case signal(Int32?)
}
