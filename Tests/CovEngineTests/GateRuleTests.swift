import CovEngine
import Testing

@Suite struct GateRuleTests {
  let settings = GateSettings()

  @Test func belowTheFloorFails() {
    let decision = GateRule.decide(
      coverage: StatementCoverage(covered: 7996, total: 10_000), floor: Percent(units: 800, scale: 1),
      floorSource: .default, settings: settings)
    #expect(decision.status == .fail)
    #expect(decision.reason.contains("79.96%"))
  }

  @Test func anExplicitFloorLaggingByMoreThanTheToleranceIsLoose() {
    let decision = GateRule.decide(
      coverage: StatementCoverage(covered: 851, total: 1000), floor: Percent(units: 80, scale: 0),
      floorSource: .file, settings: settings)
    #expect(decision.status == .loose)
    #expect(decision.suggestedFloor == Percent(units: 851, scale: 1))
  }

  @Test func exactlyAtTheToleranceIsNotLoose() {
    let decision = GateRule.decide(
      coverage: StatementCoverage(covered: 805, total: 1000), floor: Percent(units: 80, scale: 0),
      floorSource: .file, settings: settings)
    #expect(decision.status == .pass)
  }

  @Test func theDefaultFloorIsNeverLoose() {
    let decision = GateRule.decide(
      coverage: StatementCoverage(covered: 1, total: 1), floor: Percent(units: 80, scale: 0),
      floorSource: .default, settings: settings)
    #expect(decision.status == .pass)
  }

  @Test func nothingToCover() {
    let decision = GateRule.decide(
      coverage: .zero, floor: Percent(units: 80, scale: 0), floorSource: .file, settings: settings)
    #expect(decision.status == .noStatements)
  }

  @Test(arguments: [
    (PackageStatus.loose, GateSettings.LoosePolicy.warn, true), (.loose, .fail, false), (.fail, .warn, false),
    (.testFail, .warn, false), (.buildFail, .warn, false), (.pass, .fail, true), (.skipped, .fail, true),
    (.noStatements, .fail, true),
  ])
  func verdictFollowsTheLoosePolicy(status: PackageStatus, policy: GateSettings.LoosePolicy, passes: Bool) {
    #expect(Verdict.passes(status, settings: GateSettings(loose: policy)) == passes)
  }
}
