import CovEngine
import Foundation
import Testing

@Suite struct StatementCoverageTests {
  @Test func ninetySevenNinetySixNeverPassesEighty() throws {
    let coverage = StatementCoverage(covered: 7996, total: 10_000)
    let floor = try #require(Percent("80.0"))
    #expect(!coverage.meets(floor))
    #expect(coverage.formatted() == "79.9%")
    #expect(coverage.formatted(decimals: 2) == "79.96%")
  }

  @Test func exactBoundaryMeets() throws {
    #expect(StatementCoverage(covered: 4, total: 5).meets(try #require(Percent("80"))))
    #expect(StatementCoverage(covered: 2, total: 3).meets(try #require(Percent("66.666666"))))
    #expect(!StatementCoverage(covered: 2, total: 3).meets(try #require(Percent("66.666667"))))
  }

  @Test func noStatementsMeetsAnyFloorAndIsAboveNothing() throws {
    #expect(StatementCoverage.zero.meets(try #require(Percent("100"))))
    #expect(!StatementCoverage.zero.isAbove(.zero))
    #expect(StatementCoverage.zero.percent == nil)
  }

  /// Cross-checks the integer comparison against Foundation's Decimal arithmetic.
  @Test func agreesWithDecimalArithmeticOnRandomCases() throws {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2000 {
      let total = Int.random(in: 1...50_000, using: &generator)
      let covered = Int.random(in: 0...total, using: &generator)
      let floor = Percent(units: Int64.random(in: 0...100_000, using: &generator), scale: 3)
      let coverage = StatementCoverage(covered: covered, total: total)
      let lhs = Decimal(covered) * 100 * 1000
      let rhs = Decimal(Int(floor.units)) * Decimal(total)
      #expect(coverage.meets(floor) == (lhs >= rhs), "\(covered)/\(total) vs \(floor)")
      #expect(coverage.isAbove(floor) == (lhs > rhs), "\(covered)/\(total) vs \(floor)")
    }
  }

  @Test func flooredPercentRoundsDown() {
    #expect(StatementCoverage(covered: 2, total: 3).flooredPercent(decimals: 1) == Percent(units: 666, scale: 1))
    #expect(StatementCoverage(covered: 1, total: 1).flooredPercent(decimals: 1) == Percent(units: 1000, scale: 1))
    #expect(StatementCoverage(covered: 999, total: 1000).formatted() == "99.9%")
  }
}
