import Foundation

/// Everything measured and decided about one Go package.
public struct PackageResult: Sendable, Hashable, Codable {
  /// The package's import path, e.g. `example.com/demo/internal/parse`.
  public var importPath: String
  /// The package directory relative to the module root (`.` for the root package).
  public var dir: String
  /// The floor the package is gated against.
  public var floor: Percent
  /// Whether the floor came from a `.covgate` file or the default.
  public var floorSource: FloorSource
  /// The `.covgate` file, relative to the module root, when there is one.
  public var floorFile: String?
  /// Statements executed by the package's tests.
  public var coveredStatements: Int
  /// All statements in the package's own (non-test) files.
  public var totalStatements: Int
  /// `covered / total × 100`, or `nil` without statements. Display only: decisions use the integers.
  public var percent: Double?
  /// The verdict.
  public var status: PackageStatus
  /// One sentence saying why the status is what it is (schema 1; rendered from ``cause``).
  public var reason: String
  /// Why the status is what it is, as data; `nil` in results files written before it existed
  /// (``resolvedCause`` then infers it).
  public var cause: PackageReason?
  /// The max-drop rule's finding, when this package's coverage fell too far vs base.
  public var coverageDrop: CoverageDrop?
  /// For `loose` packages: the floor to write (coverage rounded down to one decimal).
  public var suggestedFloor: Percent?
  /// Why the package was skipped, for `skipped`.
  public var skipReason: SkipReason?
  /// Wall time of the package's `go test` (0 when not measured).
  public var durationSeconds: Double
  /// Test counts (subtests included).
  public var tests: TestCounts
  /// Names of the tests that failed, in execution order.
  public var failedTests: [String]
  /// The go output that explains a failure (build errors, failing tests' output), truncated.
  public var output: String
  /// Each test (and subtest) in execution order, for JUnit's per-test report.
  public var testCases: [TestCaseResult]
  /// The package's first non-test Go file relative to the module root, to point annotations at.
  public var firstGoFile: String?

  /// Creates a package result.
  public init(
    importPath: String, dir: String, floor: Percent, floorSource: FloorSource, floorFile: String? = nil,
    coverage: StatementCoverage = .zero, status: PackageStatus, reason: String = "",
    suggestedFloor: Percent? = nil, skipReason: SkipReason? = nil, durationSeconds: Double = 0,
    tests: TestCounts = TestCounts(), failedTests: [String] = [], output: String = "",
    testCases: [TestCaseResult] = [], firstGoFile: String? = nil, cause: PackageReason? = nil,
    coverageDrop: CoverageDrop? = nil
  ) {
    self.importPath = importPath
    self.dir = dir
    self.floor = floor
    self.floorSource = floorSource
    self.floorFile = floorFile
    self.coveredStatements = coverage.covered
    self.totalStatements = coverage.total
    self.percent = coverage.percent
    self.status = status
    self.reason = reason
    self.suggestedFloor = suggestedFloor
    self.skipReason = skipReason
    self.durationSeconds = durationSeconds
    self.tests = tests
    self.failedTests = failedTests
    self.output = output
    self.testCases = testCases
    self.firstGoFile = firstGoFile
    self.cause = cause
    self.coverageDrop = coverageDrop
  }

  /// Why the status is what it is: ``cause``, or for older results files what status and reason imply.
  public var resolvedCause: PackageReason {
    cause ?? PackageReason.implied(by: self, tolerance: GateSettings().tolerance)
  }

  /// Sets the cause and the schema-1 sentence rendered from it (and from a coverage drop).
  public mutating func explain(_ cause: PackageReason) {
    self.cause = cause
    let drop = cause == .coverageDropped ? nil : coverageDrop
    reason = cause.sentence(for: self) + (drop.map { "; " + $0.sentence } ?? "")
  }

  /// The exact statement counts.
  public var coverage: StatementCoverage {
    get { StatementCoverage(covered: coveredStatements, total: totalStatements) }
    set {
      coveredStatements = newValue.covered
      totalStatements = newValue.total
      percent = newValue.percent
    }
  }
}

/// Counts of Go tests by outcome, subtests included.
public struct TestCounts: Sendable, Hashable, Codable {
  /// Tests that passed.
  public var passed: Int
  /// Tests that failed.
  public var failed: Int
  /// Tests that were skipped.
  public var skipped: Int

  /// Creates test counts.
  public init(passed: Int = 0, failed: Int = 0, skipped: Int = 0) {
    self.passed = passed
    self.failed = failed
    self.skipped = skipped
  }

  /// All tests.
  public var total: Int { passed + failed + skipped }
}

/// One Go test or subtest, from `go test -json`.
public struct TestCaseResult: Sendable, Hashable, Codable {
  /// The outcome of a single test.
  public enum Outcome: String, Sendable, Codable {
    case pass, fail, skip
  }

  /// The test name, subtests as `TestParent/sub`.
  public var name: String
  /// The outcome.
  public var outcome: Outcome
  /// When the test started (`run` event), as reported by `go test -json`.
  public var startedAt: Date?
  /// The test's own elapsed time.
  public var elapsedSeconds: Double
  /// The test's output, kept for failed and skipped tests only (truncated).
  public var output: String

  /// Creates a test case result.
  public init(name: String, outcome: Outcome, startedAt: Date? = nil, elapsedSeconds: Double = 0, output: String = "") {
    self.name = name
    self.outcome = outcome
    self.startedAt = startedAt
    self.elapsedSeconds = elapsedSeconds
    self.output = output
  }
}
