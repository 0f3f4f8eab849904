import Foundation
import Testing

@testable import CovEngine

@Suite struct ThresholdDiffTests {
  static func package(
    _ path: String, _ covered: Int, _ total: Int, status: PackageStatus = .pass, floor: String = "80.0",
    file: Bool = false
  ) -> PackageResult {
    PackageResult(
      importPath: path, directory: path, floor: Percent(floor)!, floorSource: file ? .file : .default,
      floorFile: file ? "\(path)/.covgate" : nil, coverage: StatementCoverage(covered: covered, total: total),
      status: status)
  }

  static func results(_ packages: [PackageResult], commit: String? = nil) -> CovResults {
    CovResults(
      toolVersion: "test", module: "m", moduleDirectory: "/m", goVersion: "go1.27.3", strategy: .single, commit: commit,
      startedAt: Date(timeIntervalSince1970: 0), settings: GateSettings(), timings: Timings(), packages: packages)
  }

  @Test func comparesCoveragePerPackageAndMarksAddedAndRemoved() throws {
    let base = Self.results(
      [Self.package("m/a", 90, 100), Self.package("m/b", 50, 100), Self.package("m/gone", 1, 2)], commit: "abc")
    let head = Self.results([Self.package("m/a", 85, 100), Self.package("m/b", 60, 80), Self.package("m/new", 3, 4)])
    let diff = ThresholdDiff(head: head, base: base)
    #expect(diff.baseCommit == "abc")
    #expect(diff.packages.map(\.importPath) == ["m/a", "m/b", "m/gone", "m/new"])
    #expect(diff.packages.map(\.presence) == [.both, .both, .removed, .added])
    let a = diff.packages[0]
    #expect(a.basePercent == 90)
    #expect(a.headPercent == 85)
    #expect(try #require(a.deltaPoints).isApproximatelyEqual(to: -5))
    #expect(try #require(diff.packages[1].deltaPoints).isApproximatelyEqual(to: 25))
    #expect(diff.packages[2].headPercent == nil)
    #expect(diff.packages[2].deltaPoints == nil)
    #expect(diff.packages[3].basePercent == nil)
    #expect(diff.packages[3].headPercent == 75)
    #expect(diff.drops.map(\.importPath) == ["m/a"])
  }

  @Test func skippedPackagesAndPackagesWithoutStatementsHaveNoDelta() {
    let base = Self.results([Self.package("m/a", 9, 10), Self.package("m/b", 0, 0, status: .noStatements)])
    let head = Self.results([
      Self.package("m/a", 0, 10, status: .skipped), Self.package("m/b", 0, 0, status: .noStatements),
    ])
    let diff = ThresholdDiff(head: head, base: base)
    #expect(diff.packages.allSatisfy { $0.deltaPoints == nil })
    #expect(diff.drops.isEmpty)
  }

  @Test func floorChangesConsiderCovgateFilesOnly() {
    let base = Self.results([
      Self.package("m/raised", 1, 1, floor: "70.0", file: true),
      Self.package("m/lowered", 1, 1, floor: "85.5", file: true),
      Self.package("m/same", 1, 1, floor: "80", file: true),
      Self.package("m/removed", 1, 1, floor: "75.0", file: true),
      Self.package("m/default", 1, 1, floor: "80.0"),
      Self.package("m/gone", 1, 1, floor: "60.0", file: true),
    ])
    let head = Self.results([
      Self.package("m/raised", 1, 1, floor: "72.5", file: true),
      Self.package("m/lowered", 1, 1, floor: "85.49", file: true),
      Self.package("m/same", 1, 1, floor: "80.00", file: true),
      Self.package("m/removed", 1, 1, floor: "80.0"),
      Self.package("m/default", 1, 1, floor: "70.0"),
      Self.package("m/added", 1, 1, floor: "50.0", file: true),
    ])
    let diff = ThresholdDiff(head: head, base: base)
    let changes = diff.floorChanges.map {
      "\($0.importPath) \($0.kind.rawValue) \($0.from?.description ?? "-") \($0.to?.description ?? "-")"
    }
    #expect(
      changes == [
        "m/added added - 50.0", "m/gone removed 60.0 -", "m/lowered lowered 85.5 85.49", "m/raised raised 70.0 72.5",
        "m/removed removed 75.0 -",
      ])
    #expect(diff.loweredFloors.map(\.importPath) == ["m/lowered"])
    let removed = diff.packages.first { $0.importPath == "m/removed" }
    #expect(removed?.baseFloor == Percent("75.0"))
    #expect(removed?.headFloor == Percent("80.0"))
  }

  @Test func dropsAreSortedLargestFirst() {
    let base = Self.results([Self.package("m/a", 9, 10), Self.package("m/b", 9, 10), Self.package("m/c", 9, 10)])
    let head = Self.results([Self.package("m/a", 8, 10), Self.package("m/b", 5, 10), Self.package("m/c", 10, 10)])
    #expect(ThresholdDiff(head: head, base: base).drops.map(\.importPath) == ["m/b", "m/a"])
  }

  @Test func encodesIntoTheResultsFileAndBack() throws {
    var head = Self.results([Self.package("m/a", 85, 100, floor: "80.5", file: true)])
    let base = Self.results([Self.package("m/a", 90, 100, floor: "81.0", file: true)])
    head.diff = ThresholdDiff(head: head, base: base)
    let decoded = try ResultsFile.decodeResults(try ResultsFile.encode(head), path: "results.json")
    #expect(decoded.diff == head.diff)
    #expect(decoded.diff?.loweredFloors.first?.to == Percent("80.5"))
  }
}

extension Double {
  func isApproximatelyEqual(to other: Double) -> Bool { abs(self - other) < 1e-9 }
}
