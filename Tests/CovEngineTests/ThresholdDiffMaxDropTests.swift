import Foundation
import Testing

@testable import CovEngine

@Suite struct ThresholdDiffMaxDropTests {
  typealias Fixture = ThresholdDiffTests

  @Test(arguments: [
    // (base covered/total, head covered/total, max drop, exceeds?)
    (80, 100, 78, 100, "2.0", false),  // exactly 2.0 points: not more than
    (80, 100, 77, 100, "2.0", true),
    (800, 1000, 779, 1000, "2.0", true),  // 2.1
    (800, 1000, 780, 1000, "2", false),
    (1, 3, 0, 1, "33.3", true),  // 33.333… > 33.3
    (1, 3, 0, 1, "33.34", false),
    (2, 3, 200_000, 300_001, "0.0", true),  // 66.6666…7 → 66.6664…: a tiny drop, but a drop
    (2, 3, 2, 3, "0", false),
    (50, 100, 60, 100, "0", false),  // a gain
    (5_000_000, 10_000_000, 4_999_999, 10_000_000, "0.00001", false),  // 0.00001 points exactly
    (5_000_000, 10_000_000, 4_999_998, 10_000_000, "0.00001", true),
  ])
  func dropIsComparedExactly(
    baseCovered: Int, baseTotal: Int, headCovered: Int, headTotal: Int, limit: String, exceeds: Bool
  ) {
    let result = MaxDropRule.dropExceeds(
      from: StatementCoverage(covered: baseCovered, total: baseTotal),
      to: StatementCoverage(covered: headCovered, total: headTotal), limit: Percent(limit)!)
    #expect(result == exceeds)
  }

  @Test func passingAndLooseBecomeFailWithAReasonAndTheVerdictFollows() throws {
    var head = Fixture.results([
      Fixture.package("m/a", 77, 100),
      Fixture.package("m/b", 95, 100, status: .loose, floor: "80.0", file: true),
      Fixture.package("m/c", 79, 100),
      Fixture.package("m/d", 50, 100, status: .fail),
      Fixture.package("m/e", 0, 10, status: .testFail),
      Fixture.package("m/new", 1, 100),
    ])
    head.packages[1].suggestedFloor = Percent("95.0")
    head.packages[3].reason = "coverage 50.0% is below the floor 80.0"
    #expect(head.verdict.passed == false)
    let base = Fixture.results([
      Fixture.package("m/a", 80, 100), Fixture.package("m/b", 99, 100), Fixture.package("m/c", 80, 100),
      Fixture.package("m/d", 60, 100), Fixture.package("m/e", 10, 10),
    ])
    let failed = MaxDropRule.apply(Percent("2.0")!, base: base, to: &head)
    #expect(failed == ["m/a", "m/b", "m/d"])
    #expect(head.settings.maxDrop == Percent("2.0"))
    let byPath = Dictionary(uniqueKeysWithValues: head.packages.map { ($0.importPath, $0) })
    #expect(byPath["m/a"]?.status == .fail)
    #expect(byPath["m/a"]?.reason == "coverage fell 3.0 points vs base (80.0% → 77.0%), more than --max-drop 2.0")
    #expect(byPath["m/b"]?.status == .fail)
    #expect(byPath["m/b"]?.suggestedFloor == nil)
    #expect(byPath["m/c"]?.status == .pass)
    #expect(byPath["m/d"]?.status == .fail)
    #expect(
      byPath["m/d"]?.reason
        == "coverage 50.0% is below the floor 80.0; coverage fell 10.0 points vs base (60.0% → 50.0%), more than --max-drop 2.0"
    )
    #expect(byPath["m/e"]?.status == .testFail)
    #expect(byPath["m/new"]?.status == .pass)
    #expect(head.verdict.count(.fail) == 3)
    #expect(head.verdict.count(.loose) == 0)
  }

  @Test func absurdCountsNeitherTrapNorGate() {
    let huge = Int.max / 2
    #expect(
      MaxDropRule.dropExceeds(
        from: StatementCoverage(covered: huge, total: huge), to: StatementCoverage(covered: huge / 2, total: huge),
        limit: Percent("10")!))
    #expect(
      MaxDropRule.dropPoints(
        from: StatementCoverage(covered: huge, total: huge), to: StatementCoverage(covered: huge / 2, total: huge))
        == Percent("50.0")!)
    // Covered beyond total (a corrupt file) is not compared at all.
    var head = Fixture.results([Fixture.package("m/a", 1, 100)])
    let base = Fixture.results([Fixture.package("m/a", 500, 100)])
    #expect(MaxDropRule.apply(Percent("1")!, base: base, to: &head).isEmpty)
    #expect(ThresholdDiff(head: head, base: base).packages.first?.basePercent == nil)
  }

  @Test func aDropWithinTheLimitKeepsAPassingGate() {
    var head = Fixture.results([Fixture.package("m/a", 79, 100)])
    let base = Fixture.results([Fixture.package("m/a", 80, 100)])
    #expect(MaxDropRule.apply(Percent("1.0")!, base: base, to: &head).isEmpty)
    #expect(head.verdict.passed)
    #expect(head.settings.maxDrop == Percent("1.0"))
    #expect(MaxDropRule.apply(Percent("0.99")!, base: base, to: &head) == ["m/a"])
    #expect(!head.verdict.passed)
  }

  @Test(arguments: [
    (80, 100, 77, 100, "3.0"),
    (2, 3, 1, 2, "16.67"),  // 16.666… rounded up
    (1000, 1000, 999, 1000, "0.1"),
    (10_000, 10_000, 9_999, 10_000, "0.01"),
    (100_000, 100_000, 99_999, 100_000, "0.01"),  // 0.001 rounds up: never reads as no drop
  ])
  func dropPointsAreRoundedUpToTwoDecimals(bc: Int, bt: Int, hc: Int, ht: Int, expected: String) {
    let points = MaxDropRule.dropPoints(
      from: StatementCoverage(covered: bc, total: bt), to: StatementCoverage(covered: hc, total: ht))
    #expect(points == Percent(expected)!)
  }
}
