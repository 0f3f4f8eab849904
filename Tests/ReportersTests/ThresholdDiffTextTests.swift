import CovEngine
import Testing

@testable import Reporters

@Suite struct ThresholdDiffTextTests {
  @Test func loweredFloorsComeFirstThenDropsThenEveryPackage() throws {
    let results = MarkdownReportTests.resultsWithDiff()
    let text = ThresholdDiffText.render(try #require(results.diff))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(
      lines[0]
        == "Coverage vs base feedfacecafe: 1 package lost coverage, 1 floor lowered, 0 other floor changes, 0 added, 1 removed"
    )
    let lowered = try #require(lines.firstIndex(of: "LOWERED FLOORS"))
    let drops = try #require(lines.firstIndex(of: "DROPS"))
    #expect(lowered < drops)
    #expect(lines[lowered + 1].hasPrefix("  example.com/demo/internal/loose"))
    #expect(lines[lowered + 1].hasSuffix("  92.0 → 90.0"))
    #expect(lines[drops + 1].hasSuffix("  95.0% → 90.0%  −5.0"))
    #expect(
      lines.contains { $0.hasPrefix("example.com/demo/old ") && $0.hasSuffix("  50.0%        —  removed  80.0 → —") })
    #expect(!text.contains("\u{1B}"))
  }

  @Test func coloursOnlyWhenAsked() throws {
    let diff = try #require(MarkdownReportTests.resultsWithDiff().diff)
    let coloured = ThresholdDiffText.render(diff, style: TerminalStyle(colors: true))
    #expect(coloured.contains("\u{1B}[1;31mLOWERED FLOORS\u{1B}[0m"))
    #expect(MarkdownText.plain(coloured) == ThresholdDiffText.render(diff))
  }
}
