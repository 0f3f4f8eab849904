import CovBotSupport
import Foundation
import Testing

@testable import CovEngine

/// The structured reason beside the schema-1 sentence (issue 12).
@Suite struct PackageReasonTests {
  private static let all: [PackageReason] = [
    .meetsFloor, .belowFloor, .coverageDropped, .looseFloor(tolerance: Percent(units: 5, scale: 1)), .failingTests,
    .buildFailure, .processFailure("go test did not finish within 40m and was stopped"), .excluded, .interrupted,
    .noStatements,
  ]

  @Test(arguments: all)
  func roundTripsThroughJSON(reason: PackageReason) throws {
    let data = try JSONEncoder().encode(reason)
    #expect(try JSONDecoder().decode(PackageReason.self, from: data) == reason)
  }

  @Test func theResultsFileKeepsTheSentenceAndAddsTheCause() throws {
    var package = PackageResult(
      importPath: "m/p", directory: "p", floor: Percent(units: 80, scale: 0), floorSource: .default,
      coverage: StatementCoverage(covered: 1, total: 2), status: .testFail, failedTests: ["TestA", "TestB"])
    package.explain(.failingTests)
    #expect(package.reason == "failing tests: TestA, TestB")
    let results = CovResults(
      toolVersion: "t", module: "m", moduleDirectory: "/m", goVersion: "go1.27.3", strategy: .single, startedAt: Date(),
      settings: GateSettings(), timings: Timings(), packages: [package])
    let text = String(decoding: try ResultsFile.encode(results), as: UTF8.self)
    #expect(text.contains(#""reason" : "failing tests: TestA, TestB""#))
    #expect(text.contains(#""kind" : "failing-tests""#))
    let read = try ResultsFile.decodeResults(Data(text.utf8), path: "r.json")
    #expect(read.packages.first?.cause == .failingTests)
  }

  /// Results files written before `cause` existed still render: the cause follows from status and reason.
  @Test(arguments: [
    (PackageStatus.testFail, "failing tests: TestA", PackageReason.failingTests),
    (
      .testFail, "go test did not finish within 40m and was stopped",
      .processFailure("go test did not finish within 40m and was stopped")
    ),
    (.buildFail, "the package or its tests do not compile", .buildFailure),
    (.fail, "coverage 1% is below the floor 80%", .belowFloor), (.pass, "", .meetsFloor),
    (.noStatements, "", .noStatements),
  ])
  func olderFilesImplyTheirCause(status: PackageStatus, reason: String, cause: PackageReason) {
    let package = PackageResult(
      importPath: "m/p", directory: "p", floor: Percent(units: 80, scale: 0), floorSource: .default, status: status,
      reason: reason)
    #expect(package.cause == nil)
    #expect(package.resolvedCause == cause)
  }

  @Test func theStatusesThatFailTheGateAreSaidOnce() {
    #expect(PackageStatus.allCases.filter(\.isFailure) == [.fail, .testFail, .buildFail])
    #expect(PackageStatus.loose.failsGate(loose: .fail))
    #expect(!PackageStatus.loose.failsGate(loose: .warn))
    #expect(!PackageStatus.skipped.failsGate(loose: .fail))
  }
}
