import CovBotSupport
import CovEngine
import Foundation
import Reporters

#if canImport(Glibc)
import Glibc
#endif

/// `covbot gate` as a plain-value API: measure under a signal watcher, compare with the base,
/// write the results and reports, publish.
public struct GateRun: Sendable {
  /// What to measure and how.
  public var configuration: GateConfiguration
  /// The go toolchain.
  public var go: GoToolchain
  /// Where the results file goes (default: `covbot-results.json` in the module root).
  public var resultsPath: String?
  /// Environment variables removed from every go child besides ``tokenVariables``.
  public var secretVariables: [String] = []
  /// covbot's own executable, started again as the watchdog; `nil` runs without one (tests).
  public var watchdogExecutable: String?
  /// Live progress (a status line on a terminal, plain lines in CI).
  public var progress: TerminalProgress
  /// Where the run prints.
  public var output: RunOutput

  /// The environment variables that carry GitHub tokens (the gh CLI's, Enterprise's, Actions').
  public static let tokenVariables = [
    "GITHUB_TOKEN", "GH_TOKEN", "GITHUB_ENTERPRISE_TOKEN", "GH_ENTERPRISE_TOKEN", "ACTIONS_RUNTIME_TOKEN",
    "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
  ]

  /// Creates a gate run.
  public init(
    configuration: GateConfiguration, go: GoToolchain, resultsPath: String? = nil, secretVariables: [String] = [],
    watchdogExecutable: String? = nil, progress: TerminalProgress, output: RunOutput
  ) {
    self.configuration = configuration
    self.go = go
    self.resultsPath = resultsPath
    self.secretVariables = secretVariables
    self.watchdogExecutable = watchdogExecutable
    self.progress = progress
    self.output = output
  }

  /// What a gate run produced.
  public struct Outcome: Sendable {
    /// The results (partial when a signal arrived), compared with the base when one was given.
    public var results: CovResults
    /// The signal that stopped the run, if one did.
    public var signal: Int32?
    /// Where the results file was written.
    public var resultsPath: String
    /// What publishing did, when asked to publish.
    public var publication: PublishReport?
  }

  /// Measures, compares, writes the results file and the reports, and publishes (not after a
  /// signal). Throws ``RunFailure`` for usage and infrastructure errors.
  public func run(reports: ReportRun, publish: PublishRun? = nil) async throws -> Outcome {
    let (measured, signal) = try await measure()
    let results = reports.compare(measured)
    let path = try writeResults(results)
    try reports.write(results, emit: { output.line($0) })
    var publication: PublishReport?
    if let publish, signal == nil {
      publication = try await publish.run(results, resultsPath: path)
    }
    return Outcome(results: results, signal: signal, resultsPath: path, publication: publication)
  }

  /// Runs the gate raced against SIGINT/SIGTERM/SIGHUP; returns the results (partial after a
  /// signal) and the signal.
  ///
  /// Every token variable is removed from every go child's environment: the code under test is
  /// the pull request's and must not read a write token. A watchdog process stops every go process
  /// group even if covbot itself is killed.
  public func measure() async throws -> (CovResults, Int32?) {
    var go = go
    for name in Set(secretVariables + Self.tokenVariables) { go.environment[name] = .some(nil) }
    let outcome: RaceOutcome
    if let watchdogExecutable {
      outcome = try await ProcessGroupWatchdog.withWatchdog(executable: watchdogExecutable) { watchdog in
        go.watchdog = watchdog
        return try await race(CoverageGate(go: go))
      }
    } else {
      outcome = try await race(CoverageGate(go: go))
    }
    progress.finish()
    switch outcome {
    case .results(let results, let signal):
      return (results, signal)
    case .interruptedEarly(let signal):
      throw RunFailure(
        .interrupted(signal: signal),
        "interrupted by signal \(signal) before any package was measured; no results written")
    }
  }

  /// Writes the results file atomically; returns its path.
  public func writeResults(_ results: CovResults) throws -> String {
    let path = resultsPath ?? (results.moduleDirectory as NSString).appendingPathComponent(ResultsFile.defaultName)
    do {
      try ResultsFile.write(results, to: path)
    } catch {
      throw RunFailure(.infrastructure, "\(error)")
    }
    return path
  }

  /// How the gate raced against the signal watcher ended.
  private enum RaceOutcome: Sendable {
    case results(CovResults, Int32?)
    case interruptedEarly(Int32)
  }

  /// What one child of the race's task group produced.
  private enum RaceEvent: Sendable {
    case results(CovResults)
    case cancelled
    case signal(Int32?)
  }

  /// Runs the gate, the signal watcher and the progress ticker; a signal cancels the gate, which
  /// stops every go process group and returns what was measured.
  private func race(_ gate: CoverageGate) async throws -> RaceOutcome {
    let configuration = configuration
    let progress = progress
    let output = output
    // Armed before the gate starts, so a signal during its first child (go list) is never lost.
    let watch = SignalWatcher.arm()
    return try await withThrowingTaskGroup(of: RaceEvent.self) { group in
      group.addTask {
        do {
          return .results(try await gate.run(configuration, events: progress.handle))
        } catch is CancellationError {
          return .cancelled
        } catch {
          throw RunFailure(classifying: error)
        }
      }
      group.addTask { .signal(await watch.first()) }
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
          output.errorLine("\nReceived signal \(number): stopping go processes and writing partial results…")
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
}
