/// What running one package's tests produced, before gating.
struct PackageMeasurement: Sendable {
  /// Statement counts from the profile, when it has the package.
  var coverage: StatementCoverage?
  /// What `go test -json` said about the package.
  var outcome: TestEventCollector.PackageOutcome?
  /// Wall time.
  var durationSeconds: Double
  /// A failure of the go process itself (timeout, crash) that the event stream may not show.
  var processFailure: String?
  /// Standard error of the go process, for failures that left no events.
  var stderr = ""
  /// The run was cancelled before the package finished.
  var interrupted = false

  static let interruptedRun = PackageMeasurement(durationSeconds: 0, interrupted: true)
}

extension TestEventCollector.PackageOutcome {
  /// Folds in the outcome of an extra test package run for the same source package.
  mutating func absorb(_ other: TestEventCollector.PackageOutcome, testPackage: String) {
    if other.result == .fail { result = .fail }
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
