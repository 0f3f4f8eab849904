import CovBotSupport
import CovEngine
import Foundation

/// Runs one configuration against the generated module from a cold Go build cache and times it.
struct BenchRunner: Sendable {
  /// Absolute path of `go`.
  var go: String
  /// Absolute path of `covbot`, or why it is unavailable.
  var covbot: Result<String, BenchError>
  /// The module under measurement.
  var module: GeneratedModule
  /// How many packages run at once (also covbot's `--parallelism`).
  var parallelism: Int
  /// Per-child timeout.
  var timeout: Duration
  /// Where build caches and outputs go.
  var workDir: String

  /// Runs `configuration` once (run number `run`, 1-based), from an empty `GOCACHE`.
  ///
  /// The cache is created empty before and deleted after, outside the timed region.
  func measure(_ configuration: BenchConfiguration, run: Int) async throws -> RunOutcome {
    if configuration.isCovBot, case .failure(let error) = covbot { return .notRun(error.description) }
    let name = "\(configuration.rawValue)-run\(run)"
    let cache = "\(workDir)/gocache/\(name)"
    let out = "\(workDir)/out/\(name)"
    let files = FileManager.default
    do {
      for dir in [cache, out] {
        if files.fileExists(atPath: dir) { try files.removeItem(atPath: dir) }
        try files.createDirectory(atPath: dir, withIntermediateDirectories: true)
      }
    } catch {
      throw BenchError("could not prepare \(cache) and \(out): \(error)", next: "Check that --work-dir is writable.")
    }
    defer { try? files.removeItem(atPath: cache) }
    let environment = goEnvironment(cache: cache)

    let cpuBefore = CPUTime.reapedChildren()
    let start = ContinuousClock.now
    let raw: RawRun
    switch configuration {
    case .covgate: raw = try await covgate(prewarm: true, environment: environment, out: out)
    case .covgateWithoutPrewarm: raw = try await covgate(prewarm: false, environment: environment, out: out)
    case .reference: raw = try await reference(environment: environment)
    default: raw = try await covbotGate(configuration, environment: environment, out: out)
    }
    let wall = (ContinuousClock.now - start).seconds
    let cpu = CPUTime.reapedChildren() - cpuBefore
    return try raw.outcome(wallSeconds: wall, cpuSeconds: cpu, modulePath: module.modulePath)
  }

  /// The environment of every child: the fresh cache, no proxy, no toolchain switch, no workspace.
  func goEnvironment(cache: String) -> [String: String] {
    let goBin = URL(fileURLWithPath: go).deletingLastPathComponent().path
    let path = ProcessInfo.processInfo.environment["PATH"].map { "\(goBin):\($0)" } ?? goBin
    return [
      "GOCACHE": cache, "GOTOOLCHAIN": "local", "GOPROXY": "off", "GOFLAGS": "", "GOWORK": "off", "PATH": path,
    ]
  }

  /// `go <arguments>` in the module directory.
  func goCommand(_ arguments: [String], environment: [String: String]) -> ChildCommand {
    ChildCommand(
      executable: go, arguments: arguments, environment: environment, workingDirectory: module.dir,
      timeout: timeout)
  }
}

/// What a configuration left behind before any parsing (parsing happens after the clock stops).
struct RawRun: Sendable {
  /// Pre-warm wall time.
  var prewarmSeconds: Double?
  /// Why nothing usable was measured.
  var failure: String?
  /// Non-fatal problems.
  var problems: [String] = []
  /// (a)/(b): import path → its coverprofile.
  var profiles: [(importPath: String, path: String)]?
  /// (c): `go test -cover`'s standard output.
  var coverOutput: String?
  /// (d): covbot's results file.
  var resultsPath: String?

  /// Parses what was left behind.
  func outcome(wallSeconds: Double, cpuSeconds: Double, modulePath: String) throws -> RunOutcome {
    var outcome = RunOutcome(
      wallSeconds: wallSeconds, cpuSeconds: cpuSeconds, prewarmSeconds: prewarmSeconds, failure: failure,
      problems: problems)
    guard failure == nil else { return outcome }
    if let profiles {
      var coverage: [String: StatementCoverage] = [:]
      for (importPath, path) in profiles where FileManager.default.fileExists(atPath: path) {
        var profile = ProfileCoverage()
        try profile.add(profileAt: path)
        coverage[importPath] = profile.coverage(of: importPath)
      }
      outcome.profileCoverage = coverage
    }
    if let coverOutput {
      outcome.printedPercents = CoverOutput.percents(in: coverOutput, modulePath: modulePath)
    }
    if let resultsPath {
      do {
        let results = try ResultsFile.read(from: resultsPath)
        outcome.results = results
        outcome.covbotTimings = results.timings
      } catch {
        outcome.failure = "covbot's results file is unusable: \(error)"
      }
    }
    return outcome
  }
}

extension BenchRunner {
  /// `go env GOVERSION`, e.g. `go1.27.3`.
  func goVersion() async throws -> String {
    let result = try await goCommand(["env", "GOVERSION"], environment: goEnvironment(cache: "\(workDir)/gocache/env"))
      .run()
    guard result.exitCode == 0 else {
      throw BenchError("\(go) env GOVERSION failed (\(result.summary)):\n\(result.tail())", next: "Check --go.")
    }
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
