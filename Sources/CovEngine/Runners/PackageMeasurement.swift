import CovBotSupport

/// What running one package's tests produced, before gating.
struct PackageMeasurement: Sendable {
  /// Statement counts from the profile, when it has the package.
  var coverage: StatementCoverage?
  /// What `go test -json` said about the package.
  var testRun: TestEventCollector.PackageTestRun?
  /// Wall time.
  var durationSeconds: Double
  /// A failure of the go process itself (timeout, crash) that the event stream may not show.
  var failure: ProcessFailure?
  /// Standard error of the go process, for failures that left no events.
  var stderr = ""
  /// The run was cancelled before the package finished.
  var interrupted = false
  /// The blocks of the package's changed files, for patch coverage.
  var patchProfile: CoverProfile?

  static let interruptedRun = PackageMeasurement(durationSeconds: 0, interrupted: true)

  /// Why a package's go run produced no trustworthy result.
  enum ProcessFailure: Sendable, Hashable {
    /// The test binary ran past `--timeout` plus the grace (text: the limit) and covbot killed it.
    case testBinaryOverdue(String)
    /// The whole go process (compiling included) ran past its bound and was stopped.
    case processTimedOut(Duration)
    /// go ended (summary) without reporting the package.
    case noReport(String)
    /// The tests passed but no usable coverage profile was written (the parse error).
    case noProfile(String)

    /// Whether the tests themselves are to blame (TEST-FAIL) rather than the build (BUILD-FAIL).
    var isTestFailure: Bool {
      switch self {
      case .testBinaryOverdue, .noProfile: true
      case .processTimedOut, .noReport: false
      }
    }

    /// One sentence for the results' reason.
    var sentence: String {
      switch self {
      case .testBinaryOverdue(let limit):
        "the test binary ran longer than \(limit) and was killed by covbot (go's own -timeout did not stop it)"
      case .processTimedOut(let limit):
        "go test did not finish within \(limit.goStyle) and was stopped"
      case .noReport(let summary):
        "go test reported nothing for this package (\(summary))"
      case .noProfile(let reason):
        "the tests ran but no coverage profile was written, so nothing was measured: \(reason)"
      }
    }
  }
}

extension TestEventCollector.PackageTestRun {
  /// Folds in the outcome of an extra test package run for the same source package.
  mutating func absorb(_ other: TestEventCollector.PackageTestRun, testPackage: String) {
    if other.conclusion == .fail { conclusion = .fail }
    buildFailed = buildFailed || other.buildFailed
    tests.passed += other.tests.passed
    tests.failed += other.tests.failed
    tests.skipped += other.tests.skipped
    failedTests += other.failedTests.map { "\(testPackage).\($0)" }
    testCases += other.testCases.map { test in
      var test = test
      test.name = "\(testPackage).\(test.name)"
      return test
    }
    if !other.output.isEmpty { output += other.output }
  }
}
