import CovBotSupport
import Foundation

/// Folds a `go test -json` stream into per-package outcomes: test counts, failing tests and
/// the output that explains a failure, telling build failures from test failures.
struct TestEventCollector: Sendable {
  /// What one package's test run amounted to.
  struct PackageTestRun: Sendable {
    /// How go concluded the package's run.
    enum Conclusion: Sendable { case pass, fail, skip }

    var conclusion: Conclusion?
    var buildFailed = false
    var elapsed: Double = 0
    var tests = TestCounts()
    var failedTests: [String] = []
    var testCases: [TestCaseResult] = []
    var output = ""
  }

  private struct TestRecord: Sendable {
    var name: String
    var startedAt: Date?
    var outcome: TestCaseResult.Outcome?
    var elapsed: Double = 0
    var output = BoundedText(limit: Self.testOutputLimit)

    static let testOutputLimit = 64 << 10
  }

  private struct PackageState: Sendable {
    var conclusion: PackageTestRun.Conclusion?
    var elapsed: Double = 0
    var failedBuild: String?
    var output = BoundedText(limit: Self.outputLimit)
    var tests: [String: Int] = [:]
    var records: [TestRecord] = []

    static let outputLimit = 256 << 10
  }

  private var packages: [String: PackageState] = [:]
  private var buildOutput: [String: BoundedText] = [:]
  /// When each package's test binary started (its `start` event), until its final event.
  private var running: [String: ContinuousClock.Instant] = [:]

  /// Feeds one line of `go test -json` output; returns the package path when that package just finished.
  @discardableResult
  mutating func consume(_ line: String) -> String? {
    guard let event = GoTestEvent.decode(line) else { return nil }
    if event.action == "build-output" || event.action == "build-fail" {
      if let target = event.importPath, let text = event.output {
        buildOutput[target, default: BoundedText(limit: PackageState.outputLimit)].appendLine(
          String(text.dropLast(text.hasSuffix("\n") ? 1 : 0)))
      }
      return nil
    }
    guard let package = event.package else { return nil }
    var state = packages[package] ?? PackageState()
    defer { packages[package] = state }

    guard let test = event.test else {
      switch event.action {
      case "start":
        running[package] = .now
      case "output":
        if let text = event.output { state.output.appendLine(String(text.dropLast(text.hasSuffix("\n") ? 1 : 0))) }
      case "pass", "fail", "skip":
        state.conclusion = event.action == "pass" ? .pass : event.action == "fail" ? .fail : .skip
        state.elapsed = event.elapsed ?? 0
        state.failedBuild = event.failedBuild
        running[package] = nil
        return package
      default:
        break
      }
      return nil
    }

    let index: Int
    if let existing = state.tests[test] {
      index = existing
    } else {
      index = state.records.count
      state.tests[test] = index
      state.records.append(TestRecord(name: test))
    }
    switch event.action {
    case "run":
      state.records[index].startedAt = event.time.flatMap(Self.parseTime)
    case "output":
      if let text = event.output {
        state.records[index].output.appendLine(String(text.dropLast(text.hasSuffix("\n") ? 1 : 0)))
      }
    case "pass", "fail", "skip":
      state.records[index].outcome = event.action == "pass" ? .pass : event.action == "fail" ? .fail : .skip
      state.records[index].elapsed = event.elapsed ?? 0
    default:
      break
    }
    return nil
  }

  /// Packages whose test binary started more than `limit` before `now` and has not finished.
  ///
  /// go's own `-timeout` lives inside the test binary; a binary that wedged the runtime or exec'd
  /// into another program never reports it, so covbot keeps its own clock from the `start` event.
  func overdue(limit: Duration, now: ContinuousClock.Instant = .now) -> [String] {
    running.filter { now - $0.value > limit }.map(\.key).sorted()
  }

  /// The test run of `package`, or `nil` when go reported nothing final about it.
  func testRun(for package: String) -> PackageTestRun? {
    guard let state = packages[package], let conclusion = state.conclusion else { return nil }
    var run = PackageTestRun(conclusion: conclusion, elapsed: state.elapsed)
    for record in state.records {
      // A test still running when the binary died (timeout, os.Exit, panic) failed.
      let finalOutcome = record.outcome ?? (conclusion == .fail ? .fail : .skip)
      switch finalOutcome {
      case .pass: run.tests.passed += 1
      case .fail: run.tests.failed += 1
      case .skip: run.tests.skipped += 1
      }
      let keepsOutput = finalOutcome != .pass
      run.testCases.append(
        TestCaseResult(
          name: record.name, outcome: finalOutcome, startedAt: record.startedAt, elapsedSeconds: record.elapsed,
          output: keepsOutput ? record.output.text : ""))
      if finalOutcome == .fail {
        run.failedTests.append(record.outcome == nil ? "\(record.name) (did not finish)" : record.name)
      }
    }
    // A failed test fails the package whatever go's exit status: a TestMain that calls
    // os.Exit(0) after m.Run() turns a failing run into `ok`.
    if run.tests.failed > 0 { run.conclusion = .fail }
    if let failedBuild = state.failedBuild {
      run.buildFailed = true
      let compiler = buildOutput[failedBuild]?.text ?? ""
      run.output = compiler.isEmpty ? state.output.text : compiler
    } else if conclusion == .fail && run.tests.failed == 0 && state.output.text.contains("[setup failed]") {
      run.buildFailed = true
      run.output = state.output.text
    } else if run.conclusion == .fail {
      run.output = Self.failureOutput(records: state.records, packageOutput: state.output.text)
    }
    return run
  }

  /// Build output that no package event claimed (e.g. `go vet` failures before any test ran).
  func unclaimedBuildOutput() -> String {
    buildOutput.values.map(\.text).joined()
  }

  /// The failing tests' own output (leaf tests only: parents repeat it), then the package's output.
  private static func failureOutput(records: [TestRecord], packageOutput: String) -> String {
    let failed = records.filter { $0.outcome != .pass && $0.outcome != .skip }
    let leaves = failed.filter { record in !failed.contains { $0.name.hasPrefix(record.name + "/") } }
    return leaves.map(\.output.text).joined() + packageOutput
  }

  private static func parseTime(_ text: String) -> Date? {
    try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
  }
}
