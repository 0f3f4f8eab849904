import CovEngine
import Foundation

/// Renders results as JUnit XML in the Jenkins/Ant layout gotestsum and go-junit-report emit.
///
/// ```
/// <testsuites tests failures errors skipped time>
///   <testsuite name="covbot">             the gate: one <testcase> per package
///   <testsuite name="example.com/m/pkg">  with `includeGoTests`: the package's go tests
/// ```
///
/// A package that fails the gate (below floor, a loose floor that fails, failing tests) carries a
/// `<failure>`; a build failure an `<error>` with the compiler output; an excluded package
/// `<skipped>`. Per-package coverage and floor go into `<system-out>` of the gate test case and,
/// with `includeGoTests`, into the `<properties>` of the package's own suite (the schema allows no
/// properties on a test case).
public struct JUnitReport: Sendable {
  /// Whether to add one `<testsuite>` per Go package holding its go tests.
  public var includeGoTests: Bool

  /// The name of the gate's test suite.
  public static let gateSuiteName = "covbot"

  /// Creates a report; `includeGoTests` adds the go tests themselves (`--junit-tests`).
  public init(includeGoTests: Bool = false) {
    self.includeGoTests = includeGoTests
  }

  /// The XML document.
  public func render(_ results: CovResults) throws(JUnitError) -> String {
    var suites = [gateSuite(results)]
    if includeGoTests {
      suites += results.packages.filter { $0.status != .skipped }.map { goTestSuite($0, results: results) }
    }
    let writer = try XMLTextWriter()
    try writer.startDocument()
    try writer.element(
      "testsuites",
      [
        "name": Self.gateSuiteName,
        "tests": String(suites.reduce(0) { $0 + $1.cases.count }),
        "failures": String(suites.reduce(0) { $0 + $1.count(.failure) }),
        "errors": String(suites.reduce(0) { $0 + $1.count(.error) }),
        "skipped": String(suites.reduce(0) { $0 + $1.count(.skipped) }),
        "time": Self.seconds(results.timings.totalSeconds),
      ]
    ) { () throws(JUnitError) in
      for suite in suites { try write(suite, to: writer) }
    }
    return try writer.finish()
  }

  // MARK: - Model

  /// One `<testsuite>` before it is written.
  struct Suite {
    var name: String
    var time: Double
    var timestamp: Date
    var properties: [(String, String)]
    var cases: [Case]

    func count(_ kind: Case.Outcome.Kind) -> Int { cases.count { $0.outcome?.kind == kind } }
  }

  /// One `<testcase>` before it is written.
  struct Case {
    struct Outcome {
      enum Kind: String { case failure, error, skipped }
      var kind: Kind
      var message: String
      var type: String?
      var body: String
    }

    var classname: String
    var name: String
    var time: Double
    var timestamp: Date?
    var outcome: Outcome?
    var systemOut: String
  }

  // MARK: - The gate suite

  func gateSuite(_ results: CovResults) -> Suite {
    let settings = results.settings
    var properties: [(String, String)] = [
      ("covbot.version", results.toolVersion),
      ("go.version", results.goVersion),
      ("go.module", results.module),
      ("covbot.strategy", results.strategy.rawValue),
    ]
    if let commit = results.commit { properties.append(("vcs.commit", commit)) }
    let total = results.verdict.coverage
    properties += [
      ("coverage.statements.pct", total.total > 0 ? "\(total.flooredPercent(decimals: 2))" : "none"),
      ("coverage.statements.covered", String(total.covered)),
      ("coverage.statements.total", String(total.total)),
      ("coverage.floor.default", "\(settings.defaultFloor)"),
      ("gate.tolerance", "\(settings.tolerance)"),
      ("gate.loose", settings.loose.rawValue),
    ]
    if let maxDrop = settings.maxDrop { properties.append(("gate.max-drop", "\(maxDrop)")) }
    properties.append(("gate.verdict", results.verdict.passed ? "pass" : "fail"))
    if results.interrupted { properties.append(("gate.interrupted", "true")) }
    let classname = results.module.isEmpty ? Self.gateSuiteName : results.module
    var cases = results.packages.map { package in
      Case(
        classname: classname, name: package.importPath, time: package.durationSeconds, timestamp: nil,
        outcome: gateOutcome(package, settings: settings), systemOut: Self.gateSummary(package))
    }
    if let patch = results.patch { cases.append(patchCase(patch, classname: classname)) }
    return Suite(
      name: Self.gateSuiteName, time: results.timings.totalSeconds, timestamp: results.startedAt,
      properties: properties, cases: cases)
  }

  func gateOutcome(_ package: PackageResult, settings: GateSettings) -> Case.Outcome? {
    let coverage = package.coverage.formatted(decimals: 2)
    switch package.status {
    case .pass, .noStatements:
      return nil
    case .fail:
      let message = package.reason.isEmpty ? "coverage \(coverage) is below floor \(package.floor)" : package.reason
      return Case.Outcome(kind: .failure, message: message, type: "coverage", body: message)
    case .loose:
      // A loose floor that only warns does not fail the gate, so it must not fail the test case.
      guard PackageStatus.loose.failsGate(loose: settings.loose) else { return nil }
      var message = package.reason.isEmpty ? "floor \(package.floor) lags coverage \(coverage)" : package.reason
      if let suggested = package.suggestedFloor {
        message += "; raise the floor to \(suggested) in \(package.floorFile ?? ".covgate")"
      }
      return Case.Outcome(kind: .failure, message: message, type: "loose-floor", body: message)
    case .testFail:
      let names = package.failedTests
      var message = ReasonText.testFailureLead(package)
      if !names.isEmpty {
        message += ": " + names.prefix(10).joined(separator: ", ") + (names.count > 10 ? ", …" : "")
      }
      return Case.Outcome(kind: .failure, message: message, type: "test-failure", body: package.output)
    case .buildFail:
      let message = package.reason.isEmpty ? "build failed" : package.reason
      return Case.Outcome(kind: .error, message: message, type: "build-failure", body: package.output)
    case .skipped:
      let message =
        switch package.skipReason {
        case .excluded?: "excluded by --exclude"
        case .interrupted?: "not measured: the run was interrupted"
        case nil: package.reason.isEmpty ? "skipped" : package.reason
        }
      return Case.Outcome(kind: .skipped, message: message, type: nil, body: "")
    }
  }

  /// The name of the test case that holds patch coverage.
  public static let patchCaseName = "patch coverage"

  /// The `patch coverage` case: a failure below the patch floor, the per-file figures as output.
  func patchCase(_ patch: PatchResult, classname: String) -> Case {
    let breakdown = PatchText.breakdown(patch)
    var lines = [
      PatchText.summary(patch) + (breakdown.isEmpty ? "" : ": " + breakdown)
        + "; status \(PatchText.label(patch.status))"
    ]
    if let base = patch.base { lines.append("base \(base)") }
    for file in patch.files {
      guard file.measured else {
        lines.append("\(file.path): not measured")
        continue
      }
      var line = "\(file.path): \(file.coverage.formatted(decimals: 2)) of \(file.coverage.total) changed lines"
      if !file.missedRanges.isEmpty { line += "; missed \(PatchText.ranges(file.missedRanges))" }
      if !file.partialRanges.isEmpty { line += "; partial \(PatchText.ranges(file.partialRanges))" }
      lines.append(line)
    }
    let outcome: Case.Outcome? =
      patch.status == .fail
      ? Case.Outcome(
        kind: .failure, message: "patch coverage \(PatchText.summary(patch)) is below its floor",
        type: "patch-coverage",
        body: lines.joined(separator: "\n"))
      : nil
    return Case(
      classname: classname, name: Self.patchCaseName, time: 0, timestamp: nil, outcome: outcome,
      systemOut: lines.joined(separator: "\n"))
  }

  /// `coverage 81.25% (130/160 statements); floor 80.0 from pkg/.covgate; status PASS`.
  static func gateSummary(_ package: PackageResult) -> String {
    guard package.status != .skipped else { return "" }
    let coverage = package.coverage
    let measured =
      coverage.total > 0
      ? "coverage \(coverage.formatted(decimals: 2)) (\(coverage.covered)/\(coverage.total) statements)"
      : "no statements to cover"
    let source =
      package.floorSource == .file ? "from \(package.floorFile ?? ".covgate")" : "(default)"
    var lines = ["\(measured); floor \(package.floor) \(source); status \(package.status.label)"]
    if !package.reason.isEmpty { lines.append(package.reason) }
    return lines.joined(separator: "\n")
  }

  // MARK: - Go test suites

  func goTestSuite(_ package: PackageResult, results: CovResults) -> Suite {
    var properties: [(String, String)] = [("go.version", results.goVersion)]
    let coverage = package.coverage
    if coverage.total > 0 {
      properties.append(("coverage.statements.pct", "\(coverage.flooredPercent(decimals: 2))"))
    }
    properties += [
      ("coverage.statements.covered", String(coverage.covered)),
      ("coverage.statements.total", String(coverage.total)),
      ("coverage.floor", "\(package.floor)"),
      ("coverage.floor.source", package.floorSource == .file ? package.floorFile ?? ".covgate" : "default"),
      ("gate.status", package.status.rawValue),
    ]
    var cases = package.testCases.map { test in
      Case(
        classname: package.importPath, name: test.name, time: test.elapsedSeconds, timestamp: test.startedAt,
        outcome: Self.goTestOutcome(test), systemOut: test.outcome == .skip ? test.output : "")
    }
    // go-junit-report's convention: a package-level failure without a failing test gets a test case of its own.
    if package.status == .buildFail {
      cases.append(
        Case(
          classname: package.importPath, name: "[build failed]", time: 0, timestamp: nil,
          outcome: Case.Outcome(kind: .error, message: "build failed", type: "build-failure", body: package.output),
          systemOut: ""))
    } else if package.status == .testFail && !cases.contains(where: { $0.outcome?.kind == .failure }) {
      let message = package.reason.isEmpty ? "package failed" : package.reason
      cases.append(
        Case(
          classname: package.importPath, name: "[package failed]", time: package.durationSeconds, timestamp: nil,
          outcome: Case.Outcome(kind: .failure, message: message, type: "test-failure", body: package.output),
          systemOut: ""))
    }
    let timestamp = package.testCases.compactMap(\.startedAt).min() ?? results.startedAt
    return Suite(
      name: package.importPath, time: package.durationSeconds, timestamp: timestamp, properties: properties,
      cases: cases)
  }

  static func goTestOutcome(_ test: TestCaseResult) -> Case.Outcome? {
    switch test.outcome {
    case .pass: nil
    case .fail: Case.Outcome(kind: .failure, message: "Failed", type: "go.test", body: test.output)
    case .skip: Case.Outcome(kind: .skipped, message: "Skipped", type: nil, body: "")
    }
  }

  // MARK: - Writing

  func write(_ suite: Suite, to writer: XMLTextWriter) throws(JUnitError) {
    try writer.element(
      "testsuite",
      [
        "name": suite.name,
        "tests": String(suite.cases.count),
        "failures": String(suite.count(.failure)),
        "errors": String(suite.count(.error)),
        "skipped": String(suite.count(.skipped)),
        "time": Self.seconds(suite.time),
        "timestamp": Self.timestamp(suite.timestamp),
      ]
    ) { () throws(JUnitError) in
      try writer.element("properties") { () throws(JUnitError) in
        for (name, value) in suite.properties {
          try writer.element("property", ["name": name, "value": value])
        }
      }
      for testCase in suite.cases { try write(testCase, to: writer) }
    }
  }

  func write(_ testCase: Case, to writer: XMLTextWriter) throws(JUnitError) {
    try writer.element(
      "testcase",
      [
        "classname": testCase.classname,
        "name": testCase.name,
        "time": Self.seconds(testCase.time),
        "timestamp": testCase.timestamp.map(Self.timestamp),
      ]
    ) { () throws(JUnitError) in
      if let outcome = testCase.outcome {
        try writer.element(outcome.kind.rawValue, ["message": outcome.message, "type": outcome.type]) {
          () throws(JUnitError) in
          if !outcome.body.isEmpty { try writer.cdata(outcome.body) }
        }
      }
      if !testCase.systemOut.isEmpty {
        try writer.element("system-out") { () throws(JUnitError) in try writer.cdata(testCase.systemOut) }
      }
    }
  }

  /// Seconds with millisecond precision, as gotestsum writes them: `1.250`.
  static func seconds(_ value: Double) -> String {
    // Capped so that a duration from a foreign results file cannot trap the Int64 conversion.
    let milliseconds = value.isFinite && value > 0 ? Int64((min(value, 1e15) * 1000).rounded()) : 0
    let fraction = String(milliseconds % 1000)
    return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
  }

  /// ISO 8601 in UTC without fractions (`2025-05-01T10:00:00Z`), as gotestsum writes it.
  static func timestamp(_ date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
  }
}
