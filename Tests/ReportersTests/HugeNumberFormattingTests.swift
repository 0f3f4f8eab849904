import Testing

@testable import Reporters

/// Numbers in reports come from results files; formatting one out of any sane range must not trap.
@Suite struct HugeNumberFormattingTests {
  @Test(arguments: [1e300, -1e300, Double.infinity, -Double.infinity, Double.nan, 9.3e18])
  func formattingNeverTraps(value: Double) {
    _ = TerminalTable.duration(value)
    _ = JUnitReport.seconds(value)
    _ = MarkdownText.points(value)
    _ = ReportContent.percent(value)
  }

  @Test func saneValuesAreUnchanged() {
    #expect(TerminalTable.duration(125) == "2m05s")
    #expect(JUnitReport.seconds(1.25) == "1.250")
    #expect(MarkdownText.points(-2.04) == "−2.0")
    #expect(ReportContent.percent(79.96) == "79.9%")
  }
}
