import Foundation

/// Everything measured and decided about one Go package.
public struct PackageResult: Sendable, Hashable {
  /// The package's import path, e.g. `example.com/demo/internal/parse`.
  public var importPath: String
  /// The package directory relative to the module root (`.` for the root package).
  public var directory: String
  /// The floor the package is gated against.
  public var floor: Percent
  /// Whether the floor came from a `.covgate` file or the default.
  public var floorSource: FloorSource
  /// The `.covgate` file, relative to the module root, when there is one.
  public var floorFile: String?
  /// Statements executed by the package's tests, of all statements in its own (non-test) files.
  public var coverage: StatementCoverage
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
    importPath: String, directory: String, floor: Percent, floorSource: FloorSource, floorFile: String? = nil,
    coverage: StatementCoverage = .zero, status: PackageStatus, reason: String = "",
    suggestedFloor: Percent? = nil, skipReason: SkipReason? = nil, durationSeconds: Double = 0,
    tests: TestCounts = TestCounts(), failedTests: [String] = [], output: String = "",
    testCases: [TestCaseResult] = [], firstGoFile: String? = nil, cause: PackageReason? = nil,
    coverageDrop: CoverageDrop? = nil
  ) {
    self.importPath = importPath
    self.directory = directory
    self.floor = floor
    self.floorSource = floorSource
    self.floorFile = floorFile
    self.coverage = coverage
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

  /// Statements executed by the package's tests (`coveredStatements` in the results file).
  public var coveredStatements: Int {
    get { coverage.covered }
    set { coverage.covered = newValue }
  }

  /// All statements in the package's own files (`totalStatements` in the results file).
  public var totalStatements: Int {
    get { coverage.total }
    set { coverage.total = newValue }
  }

  /// `covered / total × 100`, or `nil` without statements. Display only: decisions use the integers.
  public var percent: Double? { coverage.percent }
}

extension PackageResult: Codable {
  private enum CodingKeys: String, CodingKey {
    case importPath, directory = "dir", floor, floorSource, floorFile, coveredStatements, totalStatements, percent,
      status, reason
    case cause, coverageDrop, suggestedFloor, skipReason, durationSeconds, tests, failedTests, output, testCases
    case firstGoFile
  }

  /// Decodes schema 1: the coverage from `coveredStatements` and `totalStatements` (`percent` is
  /// derived from them, so a file cannot make the two disagree); `cause` and `coverageDrop` are optional.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    importPath = try container.decode(String.self, forKey: .importPath)
    directory = try container.decode(String.self, forKey: .directory)
    floor = try container.decode(Percent.self, forKey: .floor)
    floorSource = try container.decode(FloorSource.self, forKey: .floorSource)
    floorFile = try container.decodeIfPresent(String.self, forKey: .floorFile)
    coverage = StatementCoverage(
      covered: try container.decode(Int.self, forKey: .coveredStatements),
      total: try container.decode(Int.self, forKey: .totalStatements))
    // The stored percentage is derived, never used, but a hostile value is still refused by name.
    if let percent = try container.decodeIfPresent(Double.self, forKey: .percent), !(0...100).contains(percent) {
      throw DecodingError.dataCorruptedError(
        forKey: .percent, in: container, debugDescription: "\(percent) is outside 0–100")
    }
    status = try container.decode(PackageStatus.self, forKey: .status)
    reason = try container.decode(String.self, forKey: .reason)
    cause = try container.decodeIfPresent(PackageReason.self, forKey: .cause)
    coverageDrop = try container.decodeIfPresent(CoverageDrop.self, forKey: .coverageDrop)
    suggestedFloor = try container.decodeIfPresent(Percent.self, forKey: .suggestedFloor)
    skipReason = try container.decodeIfPresent(SkipReason.self, forKey: .skipReason)
    durationSeconds = try container.decode(Double.self, forKey: .durationSeconds)
    tests = try container.decode(TestCounts.self, forKey: .tests)
    failedTests = try container.decode([String].self, forKey: .failedTests)
    output = try container.decode(String.self, forKey: .output)
    testCases = try container.decode([TestCaseResult].self, forKey: .testCases)
    firstGoFile = try container.decodeIfPresent(String.self, forKey: .firstGoFile)
  }

  /// Encodes schema 1, with `percent` beside the counts for readers that want it.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(importPath, forKey: .importPath)
    try container.encode(directory, forKey: .directory)
    try container.encode(floor, forKey: .floor)
    try container.encode(floorSource, forKey: .floorSource)
    try container.encodeIfPresent(floorFile, forKey: .floorFile)
    try container.encode(coverage.covered, forKey: .coveredStatements)
    try container.encode(coverage.total, forKey: .totalStatements)
    try container.encodeIfPresent(coverage.percent, forKey: .percent)
    try container.encode(status, forKey: .status)
    try container.encode(reason, forKey: .reason)
    try container.encodeIfPresent(cause, forKey: .cause)
    try container.encodeIfPresent(coverageDrop, forKey: .coverageDrop)
    try container.encodeIfPresent(suggestedFloor, forKey: .suggestedFloor)
    try container.encodeIfPresent(skipReason, forKey: .skipReason)
    try container.encode(durationSeconds, forKey: .durationSeconds)
    try container.encode(tests, forKey: .tests)
    try container.encode(failedTests, forKey: .failedTests)
    try container.encode(output, forKey: .output)
    try container.encode(testCases, forKey: .testCases)
    try container.encodeIfPresent(firstGoFile, forKey: .firstGoFile)
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
