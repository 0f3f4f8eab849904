import CovEngine
import Foundation

/// Results to render: every status, hostile text, and a generated large module.
enum Fixtures {
  static let module = "example.com/demo"
  static let startedAt = Date(timeIntervalSince1970: 1_750_000_000)
  static let esc = "\u{1B}"

  static func percent(_ text: String) -> Percent { Percent(text)! }

  static func package(
    _ relative: String, covered: Int, total: Int, status: PackageStatus, floor: String = "80.0",
    floorFile: String? = nil, reason: String = "", suggested: String? = nil, duration: Double = 0.5,
    failedTests: [String] = [], output: String = "", testCases: [TestCaseResult] = [], skip: SkipReason? = nil
  ) -> PackageResult {
    let dir = relative.isEmpty ? "." : relative
    return PackageResult(
      importPath: relative.isEmpty ? module : "\(module)/\(relative)", directory: dir, floor: percent(floor),
      floorSource: floorFile == nil ? .default : .file, floorFile: floorFile,
      coverage: StatementCoverage(covered: covered, total: total), status: status, reason: reason,
      suggestedFloor: suggested.map(percent), skipReason: skip, durationSeconds: duration,
      tests: TestCounts(
        passed: testCases.count { $0.outcome == .pass }, failed: testCases.count { $0.outcome == .fail },
        skipped: testCases.count { $0.outcome == .skip }),
      failedTests: failedTests, output: output, testCases: testCases,
      firstGoFile: relative.isEmpty ? "main.go" : "\(relative)/\(relative.split(separator: "/").last!).go")
  }

  /// Output as `go test` prints it with colours, plus a CDATA terminator and a NUL.
  static let hostileOutput =
    "=== RUN   TestRun\n    run_test.go:12: \(esc)[31mgot <nil>, want \"x]]>y\" & more\(esc)[0m\n"
    + "\u{0}\u{8}--- FAIL: TestRun (0.01s)\n"

  static func testCases() -> [TestCaseResult] {
    [
      TestCaseResult(
        name: "TestRun", outcome: .fail, startedAt: startedAt.addingTimeInterval(1), elapsedSeconds: 0.01,
        output: hostileOutput),
      TestCaseResult(
        name: "TestRun/sub_case", outcome: .fail, startedAt: startedAt.addingTimeInterval(1.001),
        elapsedSeconds: 0.002, output: "    sub_test.go:3: boom\n"),
      TestCaseResult(name: "TestOK", outcome: .pass, startedAt: startedAt.addingTimeInterval(2), elapsedSeconds: 0.2),
      TestCaseResult(
        name: "TestSkip", outcome: .skip, startedAt: startedAt.addingTimeInterval(3), elapsedSeconds: 0,
        output: "    skip_test.go:9: needs network\n"),
    ]
  }

  /// One package of every status.
  static func packages() -> [PackageResult] {
    [
      package("", covered: 90, total: 100, status: .pass, floor: "89.8", floorFile: ".covgate", duration: 1.25),
      package(
        "internal/parse", covered: 719, total: 1000, status: .fail,
        reason: "coverage 71.9% is below the floor 80.0"),
      package(
        "internal/loose", covered: 953, total: 1000, status: .loose, floor: "90.0",
        floorFile: "internal/loose/.covgate", reason: "floor 90.0 lags coverage 95.3% by more than 0.5 points",
        suggested: "95.3"),
      package(
        "cmd/tool", covered: 10, total: 40, status: .testFail, reason: "2 tests failed",
        failedTests: ["TestRun", "TestRun/sub_case"], output: hostileOutput, testCases: testCases()),
      package(
        "broken", covered: 0, total: 0, status: .buildFail, reason: "build failed",
        output: "# example.com/demo/broken\nbroken/x.go:3:1: syntax error: unexpected }\n"),
      package("gen", covered: 0, total: 0, status: .skipped, duration: 0, skip: .excluded),
      package(
        "types", covered: 0, total: 0, status: .noStatements,
        testCases: [
          TestCaseResult(name: "TestTypes", outcome: .pass, startedAt: startedAt, elapsedSeconds: 0.001)
        ]),
    ]
  }

  static func results(
    _ packages: [PackageResult] = packages(), settings: GateSettings = GateSettings(),
    commit: String? = "0123456789abcdef"
  ) -> CovResults {
    CovResults(
      toolVersion: "0.4.0", module: module, moduleDirectory: "/work/repo/demo", goVersion: "go1.27.3",
      strategy: .perPackage, commit: commit, startedAt: startedAt, settings: settings,
      timings: Timings(prewarmSeconds: 1.5, measureSeconds: 8.25, totalSeconds: 10.125), packages: packages)
  }

  /// `count` packages with long import paths: every 50th fails, every 70th is loose, every 90th fails its tests.
  static func large(count: Int) -> CovResults {
    let packages = (0..<count).map { index -> PackageResult in
      let relative = "services/team\(index % 37)/component\(index)/internal/handlers_v\(index % 7)"
      if index % 90 == 0 {
        return package(
          relative, covered: 50, total: 100, status: .testFail, reason: "tests failed",
          failedTests: (0..<12).map { "TestHandler\($0)/case_\(index)" },
          output: String(repeating: "log line\n", count: 200))
      }
      if index % 70 == 0 {
        return package(
          relative, covered: 990, total: 1000, status: .loose, floor: "80.0", floorFile: "\(relative)/.covgate",
          reason: "floor 80.0 lags coverage 99.0%", suggested: "99.0")
      }
      if index % 50 == 0 {
        return package(
          relative, covered: 600, total: 1000, status: .fail, reason: "coverage 60.0% is below the floor 80.0")
      }
      return package(relative, covered: 800 + index % 200, total: 1000, status: .pass)
    }
    return results(packages)
  }
}
