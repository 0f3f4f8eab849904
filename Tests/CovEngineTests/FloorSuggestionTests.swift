import CovEngine
import Testing

@Suite struct FloorSuggestionTests {
  @Test func roundsDownToOneDecimal() {
    let coverage = StatementCoverage(covered: 8536, total: 10_000)
    #expect(
      FloorSuggestion.floor(for: coverage, tolerance: Percent(units: 5, scale: 1)) == Percent(units: 853, scale: 1))
  }

  @Test func subtractsTheMargin() {
    let coverage = StatementCoverage(covered: 8536, total: 10_000)
    let floor = FloorSuggestion.floor(
      for: coverage, margin: Percent(units: 3, scale: 1), tolerance: Percent(units: 5, scale: 1))
    #expect(floor == Percent(units: 850, scale: 1))
  }

  @Test func liftsAFloorTheMarginWouldMakeLoose() {
    // 85.39 − 0.5 = 84.89 → 84.8 would lag by 0.59 > 0.5: the floor is lifted to 84.9.
    let coverage = StatementCoverage(covered: 8539, total: 10_000)
    let floor = FloorSuggestion.floor(
      for: coverage, margin: Percent(units: 5, scale: 1), tolerance: Percent(units: 5, scale: 1))
    #expect(floor == Percent(units: 849, scale: 1))
  }

  /// The invariant the ratchet relies on: gating the same results again, the new floor passes
  /// and is not LOOSE, for any coverage, margin and tolerance of at least 0.01 points. (With a
  /// tolerance of 0 only a floor exactly equal to the coverage is not loose.)
  @Test func suggestedFloorPassesAndIsNotLooseOnRandomCases() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let total = Int.random(in: 1...100_000, using: &generator)
      let covered = Int.random(in: 0...total, using: &generator)
      let tolerance = Percent(units: Int64.random(in: 1...300, using: &generator), scale: 2)
      let margin = Percent(units: Int64.random(in: 0...400, using: &generator), scale: 2)
      let coverage = StatementCoverage(covered: covered, total: total)
      let floor = FloorSuggestion.floor(for: coverage, margin: margin, tolerance: tolerance)
      let settings = GateSettings(defaultFloor: Percent(units: 80, scale: 0), tolerance: tolerance)
      let decision = GateRule.decide(coverage: coverage, floor: floor, floorSource: .file, settings: settings)
      #expect(decision.status == .pass, "\(covered)/\(total) margin \(margin) tolerance \(tolerance) → \(floor)")
      #expect(floor >= .zero && floor <= Percent(units: 100, scale: 0))
      if tolerance >= Percent(units: 1, scale: 1) {
        #expect(floor.scale <= 1, "one decimal when the tolerance allows it: \(floor)")
      }
    }
  }
}
