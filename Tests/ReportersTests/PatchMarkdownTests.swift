import CovEngine
import Foundation
import Testing

@testable import Reporters

/// The "Patch coverage" section of the PR comment and the job summary.
@Suite struct PatchMarkdownTests {
  static func report() throws -> MarkdownReport { try MarkdownReport(templateDirectory: nil) }

  /// Both Markdown reports of `results`.
  static func both(_ results: CovResults, links: SourceLinks? = PatchFixtures.links) throws -> [String] {
    let report = try report()
    return [
      try report.comment(for: results, runURL: nil, commentKey: "default", links: links),
      try report.summary(for: results, runURL: nil, links: links),
    ]
  }

  /// The table rows of the patch section (lines starting with `| ` between its header and the next blank line).
  static func patchRows(_ text: String) throws -> [Substring] {
    let header = try #require(text.range(of: "| File | Changed |"))
    return text[header.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2)
      .prefix { $0.hasPrefix("| ") }.map { $0 }
  }

  @Test func theSectionComesRightAfterTheVerdictWithFigureFloorAndStatus() throws {
    for text in try Self.both(PatchFixtures.results(PatchFixtures.patch())) {
      let order = ["Coverage gate failed", "#### ❌ Patch coverage: 73.0%", "Failing packages", "<details>"]
      let positions = try order.map { try #require(text.range(of: $0), "missing: \($0)").lowerBound }
      #expect(positions == positions.sorted())
      #expect(
        text.contains(
          "**73.0%** of 26 changed lines run by tests (19 covered, 2 partly, 5 not run): **below the patch floor 80.0**."
        ))
      #expect(text.contains("1 changed file was not measured"))
      #expect(text.contains("Measured against base 0123456789ab."))
    }
  }

  @Test(arguments: [
    ("70", "✅", "meets the patch floor 70.0."), ("80", "❌", "**below the patch floor 80.0**."),
    (nil, "ℹ️", "no patch floor, so this is for information only."),
  ])
  func theStatusShowsInTheHeadingAndTheSentence(floor: String?, icon: String, clause: String) throws {
    let results = PatchFixtures.results(PatchFixtures.patch(floor: floor), packages: PatchFixtures.passingPackages())
    for text in try Self.both(results) {
      #expect(text.contains("#### \(icon) Patch coverage: 73.0%"))
      #expect(text.contains(clause))
    }
    #expect(results.verdict.passed == (icon != "❌"))
  }

  @Test func noPatchNoSection() throws {
    for text in try Self.both(PatchFixtures.results(nil)) {
      #expect(!text.contains("Patch coverage"))
      #expect(!text.contains("| File | Changed |"))
    }
  }

  @Test func aChangeWithoutCountedLinesSaysSo() throws {
    let empty = PatchResult(base: nil, files: [], floor: Percent("80"))
    let text = try Self.report().comment(for: PatchFixtures.results(empty), runURL: nil, commentKey: "k")
    #expect(text.contains("#### ✅ Patch coverage: —"))
    #expect(text.contains("This change touches no Go lines that count"))
    #expect(!text.contains("| File | Changed |"))
    let comments = PatchResult(base: nil, files: [PatchFixtures.file("a/doc.go", uncounted: 4)], floor: nil)
    let other = try Self.report().comment(for: PatchFixtures.results(comments), runURL: nil, commentKey: "k")
    #expect(other.contains("None of the 4 changed lines holds a Go statement."))
    #expect(other.contains("| a/doc.go | 4 | 0 | 0 | 0 | — | — |"), "\(other)")
    let unseen = PatchResult(base: nil, files: [PatchFixtures.unmeasured("tagged/x.go", changed: 3)], floor: nil)
    let none = try Self.report().comment(for: PatchFixtures.results(unseen), runURL: nil, commentKey: "k")
    #expect(none.contains("#### ℹ️ Patch coverage: —\n\n1 changed file was not measured (build tags"))
  }

  @Test func filesAreSortedByMissedLinesThenPathAndLinkedToTheHeadCommit() throws {
    let blob = "https://github.example/octo/demo/blob/\(PatchFixtures.head)"
    for text in try Self.both(PatchFixtures.results(PatchFixtures.patch())) {
      #expect(
        try Self.patchRows(text) == [
          "| [parse/lexer.go](\(blob)/parse/lexer.go) | 10 | 4 | 2 | 4 | 40.0% | "
            + "[12–14](\(blob)/parse/lexer.go#L12-L14), [20](\(blob)/parse/lexer.go#L20) |",
          "| [parse/parser.go](\(blob)/parse/parser.go) | 11 | 10 | 0 | 1 | 90.9% | [7](\(blob)/parse/parser.go#L7) |",
          "| [cmd/tool/main.go](\(blob)/cmd/tool/main.go) | 8 | 5 | 0 | 0 | 100.0% | — |",
          "| [tagged/linux\\_only.go](\(blob)/tagged/linux_only.go) | 6 | — | — | — | not measured | — |",
        ])
    }
  }

  @Test func withoutLinksFilesAndRangesArePlainText() throws {
    let text = try Self.report().comment(
      for: PatchFixtures.results(PatchFixtures.patch()), runURL: nil, commentKey: "k", links: nil)
    #expect(try Self.patchRows(text).first == "| parse/lexer.go | 10 | 4 | 2 | 4 | 40.0% | 12–14, 20 |")
    #expect(!text.contains("/blob/"))
  }

  @Test func aFileWithManyMissedRangesLinksTheFirstTenAndCountsTheRest() throws {
    let ranges = (1...14).map { ($0 * 10, $0 * 10 + 1) }
    let patch = PatchResult(base: nil, files: [PatchFixtures.file("big.go", missed: ranges)], floor: nil)
    let text = try Self.report().comment(for: PatchFixtures.results(patch), runURL: nil, commentKey: "k")
    let row = try #require(try Self.patchRows(text).first)
    #expect(row.hasSuffix("100–101, … 4 more |"), "\(row)")
    #expect(!row.contains("110–111"))
  }

  @Test func theCommentListsTwentyFiveFilesAndTheSummaryAll() throws {
    let files = (0..<40).map { index in
      PatchFixtures.file(String(format: "pkg%02d/file.go", index), covered: 1, missed: [(1, 1 + index % 5)])
    }
    let results = PatchFixtures.results(PatchResult(base: nil, files: files, floor: nil))
    let report = try Self.report()
    let comment = try report.comment(for: results, runURL: nil, commentKey: "k", links: PatchFixtures.links)
    #expect(try Self.patchRows(comment).count == MarkdownReport.commentPatchFiles)
    #expect(comment.contains("… and 15 more files: see the job summary"))
    let summary = try report.summary(for: results, runURL: nil, links: PatchFixtures.links)
    #expect(try Self.patchRows(summary).count == 40)
    #expect(!summary.contains("more files"))
  }

  @Test func aHugePatchIsCutToTheCommentLimitWithANote() throws {
    // 3,000 files with long paths and ten linked ranges each: far beyond 65,536 characters.
    let files = (0..<3_000).map { index in
      PatchFixtures.file(
        "services/team\(index % 37)/component\(index)/internal/handlers_with_a_long_name.go",
        missed: (1...12).map { ($0 * 10, $0 * 10 + index % 3) })
    }
    var results = PatchFixtures.results(PatchResult(base: nil, files: files, floor: Percent("80")))
    let report = try Self.report()
    let summary = try report.summary(for: results, runURL: nil, links: PatchFixtures.links)
    #expect(summary.utf8.count < MarkdownReport.summaryLimit)
    #expect(summary.contains("more files: see the JUnit report"), "the summary is cut too, and says so")
    // Uncapped (a custom budget), the comment's fitting must cut the file table itself.
    let content = ReportContent(
      results: results, runURL: nil, marker: "", includeOutputs: false, caps: [:], seeAlso: "see the job summary",
      links: PatchFixtures.links)
    let fitted = try report.fit(content, template: MarkdownReport.commentTemplate, limit: 20_000)
    #expect(fitted.utf8.count < 20_000)
    let rows = try Self.patchRows(fitted)
    #expect(!rows.isEmpty && rows.count < 3_000)
    #expect(fitted.contains("… and \(MarkdownText.grouped(3_000 - rows.count)) more files: see the job summary"))
    #expect(fitted.contains("Patch coverage"), "the figure stays when rows go")
    results.patch = nil
    #expect(try report.comment(for: results, runURL: nil, commentKey: "k").utf8.count < MarkdownReport.commentLimit)
  }

  @Test(arguments: [
    "evil`code`.go", "@octocat/pwn.go", "a|b|c.go", "x\u{202E}og.tset.go", "[link](https:/x.go", "dir/<img src=x>.go",
    "sp ace#frag?q=1%41.go",
  ])
  func hostilePathsAreNeutralisedInTextAndEncodedInLinks(path: String) throws {
    let patch = PatchResult(base: "feed`@admin", files: [PatchFixtures.file(path, missed: [(3, 4)])], floor: nil)
    for text in try Self.both(PatchFixtures.results(patch, packages: PatchFixtures.passingPackages())) {
      let row = try #require(try Self.patchRows(text).first)
      // Seven cells: no `|` from the path opened a column.
      #expect(row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 8, "\(row)")
      #expect(!text.unicodeScalars.contains { MarkdownText.isBidiControl($0) })
      #expect(!text.contains("@octocat") && !text.contains("@admin"), "mentions are broken")
      #expect(!text.contains("<img"))
      let section = try #require(text.range(of: "Patch coverage")).lowerBound
      let prose = text[section...].replacingOccurrences(of: "\\`", with: "")
      #expect(!prose.prefix(2_000).contains("`"), "no code span starts in a path or the base")
      // The link destination holds only URL-safe characters: nothing ends the link or adds a query.
      let destination = try #require(row.range(of: "](https://github.example/octo/demo/blob/"))
      let url = row[destination.upperBound...].prefix { $0 != ")" }
      #expect(url.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._~%/".contains($0)) }, "\(url)")
    }
  }

  @Test func theOneLineVerdictNamesAFailingPatch() {
    let results = PatchFixtures.results(PatchFixtures.patch(), packages: PatchFixtures.passingPackages())
    #expect(
      MarkdownReport.oneLineVerdict(for: results)
        == "FAIL: patch coverage 73.0% below its floor 80.0; total 90.0%")
    let both = PatchFixtures.results(PatchFixtures.patch())
    #expect(
      MarkdownReport.oneLineVerdict(for: both).contains("1 loose floor, patch coverage 73.0% below its floor 80.0"))
    let info = PatchFixtures.results(PatchFixtures.patch(floor: nil), packages: PatchFixtures.passingPackages())
    #expect(MarkdownReport.oneLineVerdict(for: info) == "PASS: 1 package meet their floors; total 90.0%")
  }

  @Test(arguments: [
    ("80", "73.0% of 26 changed lines (floor 80.0)"), (nil, "73.0% of 26 changed lines"),
  ])
  func theStatusDescriptionHasFigureAndFloor(floor: String?, expected: String) {
    #expect(PatchText.summary(PatchFixtures.patch(floor: floor)) == expected)
    #expect(PatchText.summary(PatchResult(base: nil, files: [], floor: nil)) == "no changed Go lines")
    let uncounted = PatchResult(base: nil, files: [PatchFixtures.file("doc.go", uncounted: 3)], floor: Percent("80"))
    #expect(PatchText.summary(uncounted) == "no changed line holds a Go statement (floor 80.0)")
  }
}
