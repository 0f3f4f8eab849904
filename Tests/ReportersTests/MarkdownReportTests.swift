import CovEngine
import Foundation
import Testing

@testable import Reporters

@Suite struct MarkdownReportTests {
  static let runURL = "https://github.example/o/r/actions/runs/42"

  /// Head vs a base where the root package dropped 5 points, the loose package's floor was
  /// lowered from 92.0 to 90.0, and `old` was removed.
  static func resultsWithDiff() -> CovResults {
    var head = Fixtures.results()
    var base = Fixtures.results(commit: "feedfacecafe0000")
    for index in base.packages.indices {
      switch base.packages[index].importPath {
      case Fixtures.module: base.packages[index].coverage = StatementCoverage(covered: 95, total: 100)
      case "\(Fixtures.module)/internal/loose": base.packages[index].floor = Percent("92.0")!
      default: break
      }
    }
    base.packages.append(Fixtures.package("old", covered: 5, total: 10, status: .fail))
    head.diff = ThresholdDiff(head: head, base: base)
    return head
  }

  static func report() throws -> MarkdownReport { try MarkdownReport(templateDirectory: nil) }

  /// Lines of `text` between `<details>` and `</details>`.
  static func detailsLines(_ text: String) -> [Substring] {
    guard let start = text.range(of: "<details><summary>All"),
      let end = text.range(of: "</details>", range: start.upperBound..<text.endIndex)
    else { return [] }
    return text[start.upperBound..<end.lowerBound].split(separator: "\n")
  }

  @Test func commentPutsTheMostImportantFirst() throws {
    let comment = try Self.report().comment(for: Self.resultsWithDiff(), runURL: Self.runURL, commentKey: "default")
    #expect(comment.hasPrefix(MarkdownReport.marker(forKey: "default") + "\n"))
    let order = [
      "Coverage gate failed", "FAIL: 4 of 7 packages", "Floors lowered by this change", "Failing packages",
      "Loose floors", "Biggest drops vs base feedfacecafe", "Packages added or removed",
      "<details><summary>All 7 packages",
      "pre-warm 1.50s · measure 8.25s · total 10.1s", "[workflow run](\(Self.runURL))",
    ]
    let positions = try order.map { try #require(comment.range(of: $0), "missing: \($0)").lowerBound }
    #expect(positions == positions.sorted())
    // Lowered floors are never folded away.
    let details = try #require(comment.range(of: "<details>"))
    #expect(comment.range(of: "| example.com/demo/internal/loose | 92.0 | 90.0 |")!.lowerBound < details.lowerBound)
  }

  @Test func failingPackagesSayWhyWithCoverageAndFloor() throws {
    let comment = try Self.report().comment(for: Fixtures.results(), runURL: nil, commentKey: "k")
    #expect(comment.contains("| BUILD-FAIL | example.com/demo/broken | — | 80.0 | build failed |"))
    #expect(
      comment.contains(
        #"| TEST-FAIL | example.com/demo/cmd/tool | 25.0% | 80.0 | 2 tests failed: TestRun, TestRun/sub\_case |"#))
    #expect(
      comment.contains(
        "| FAIL | example.com/demo/internal/parse | 71.9% | 80.0 | coverage 71.9% is below the floor 80.0 |"))
    #expect(comment.contains("| example.com/demo/internal/loose | 95.3% | 90.0 | 95.3 | internal/loose/.covgate |"))
    #expect(!comment.contains("[workflow run]"))
    #expect(!comment.contains("Biggest drops"))
    // The comment leaves go output to the job summary.
    #expect(!comment.contains("--- FAIL: TestRun"))
  }

  @Test func summaryAddsTheGoOutputWithoutColourCodes() throws {
    let summary = try Self.report().summary(for: Fixtures.results(), runURL: nil)
    #expect(!summary.contains("<!-- covbot:comment"))
    #expect(summary.contains("<details><summary>TEST-FAIL example.com/demo/cmd/tool</summary>"))
    #expect(summary.contains("    run_test.go:12: got <nil>, want \"x]]>y\" & more\n--- FAIL: TestRun (0.01s)"))
    #expect(!summary.unicodeScalars.contains("\u{1B}"))
    #expect(summary.contains("broken/x.go:3:1: syntax error: unexpected }"))
  }

  @Test func hostileNamesCannotBreakTheTable() throws {
    var weird = Fixtures.package(
      "we|ird_*[x]<b>", covered: 1, total: 10, status: .fail, reason: "line one\nline `two` | three")
    weird.importPath = "example.com/demo/we|ird_*[x]<b>"
    let comment = try Self.report().comment(for: Fixtures.results([weird]), runURL: nil, commentKey: "k")
    let row = try #require(comment.split(separator: "\n").first { $0.hasPrefix("| FAIL |") })
    #expect(
      row == #"| FAIL | example.com/demo/we\|ird\_\*\[x\]&lt;b&gt; | 10.0% | 80.0 | line one line \`two\` \| three |"#)
    // Exactly the table's six column separators are unescaped.
    let unescaped = row.enumerated().filter { index, character in
      character == "|" && (index == 0 || row[row.index(row.startIndex, offsetBy: index - 1)] != "\\")
    }
    #expect(unescaped.count == 6)
  }

  @Test func aCommentOf5000PackagesStaysUnderTheLimitAndSaysWhatItLeftOut() throws {
    // Through a results file, as `covbot report` reads it.
    let directory = try TemporaryDirectory()
    try ResultsFile.write(Fixtures.large(count: 5_000), to: directory.path + "/covbot-results.json")
    let results = try ResultsFile.read(from: directory.path + "/covbot-results.json")
    #expect(results.packages.count == 5_000)
    let comment = try Self.report().comment(for: results, runURL: nil, commentKey: "k")
    #expect(comment.utf8.count < MarkdownReport.commentLimit)
    #expect(comment.contains(MarkdownReport.marker(forKey: "k")))
    // Every failing package is listed; the full table is what gets cut.
    let failing = results.packages.filter { [.fail, .testFail, .buildFail].contains($0.status) }
    for package in failing {
      #expect(comment.contains("| \(package.status.label) | \(MarkdownText.escape(package.importPath)) |"))
    }
    #expect(!comment.contains("more packages need attention"))
    let rows = Self.detailsLines(comment).filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Status") }
    #expect(rows.count > 100)
    #expect(rows.count < 5_000)
    #expect(comment.contains("… and \(MarkdownText.grouped(5_000 - rows.count)) more packages: see the job summary"))
    // Most severe first, so the rows kept are the ones that matter.
    #expect(rows.first?.hasPrefix("| TEST-FAIL |") == true)
  }

  @Test func aSummaryOf5000PackagesKeepsEveryRowUnder1MiB() throws {
    let summary = try Self.report().summary(for: Fixtures.large(count: 5_000), runURL: nil)
    #expect(summary.utf8.count < MarkdownReport.summaryLimit)
    let rows = Self.detailsLines(summary).filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Status") }
    #expect(rows.count == 5_000)
    #expect(!summary.contains("more packages:"))
  }

  @Test(arguments: [60_000, 20_000, 8_000])
  func theLeastImportantRowsGoFirst(limit: Int) throws {
    let report = try Self.report()
    let results = Fixtures.large(count: 2_000)
    let content = ReportContent(
      results: results, runURL: nil, marker: "", includeOutputs: true, caps: [:], seeAlso: "see elsewhere")
    let text = try report.fit(content, template: MarkdownReport.summaryTemplate, limit: limit)
    #expect(text.utf8.count < limit)
    // A section loses rows only once every less important section has lost all of its own.
    let notes = [
      "more packages:", "more failing packages' output left out", "more loose floors", "more packages need attention",
    ]
    let cut = notes.map { text.contains($0) }
    #expect(cut.contains(true))
    if let lastCut = cut.lastIndex(of: true) { #expect(cut[...lastCut].allSatisfy { $0 }) }
    if cut[1] { #expect(text.contains("… and \(MarkdownText.grouped(2_000)) more packages: see elsewhere")) }
  }

  @Test func aTemplateTooVerboseForAnyRowsIsCutAtALineAndSaysSo() throws {
    let directory = try TemporaryDirectory()
    try directory.write("verdict.md.mustache", String(repeating: "padding line\n", count: 10_000))
    let report = try MarkdownReport(templateDirectory: directory.path)
    let comment = try report.comment(for: Fixtures.results(), runURL: nil, commentKey: "k")
    #expect(comment.utf8.count < MarkdownReport.commentLimit)
    #expect(comment.hasPrefix(MarkdownReport.marker(forKey: "k")))
    #expect(comment.hasSuffix("… the rest of this report was cut to fit GitHub's size limit: see the job summary\n"))
  }

  @Test func theMarkerSurvivesACustomCommentTemplateAndHostileKeys() throws {
    let directory = try TemporaryDirectory()
    try directory.write("comment.md.mustache", "{{%CONTENT_TYPE: TEXT}}\nOnly {{totalCoverage}}\n")
    let report = try MarkdownReport(templateDirectory: directory.path)
    let comment = try report.comment(for: Fixtures.results(), runURL: nil, commentKey: "pr --> <script>")
    #expect(MarkdownReport.marker(forKey: "pr --> <script>") == "<!-- covbot:comment key=pr------script- -->")
    #expect(comment == "<!-- covbot:comment key=pr------script- -->\nOnly 82.8%\n")
  }

  @Test func overridesReplaceTemplatesByNameAndKeepTheRest() throws {
    let directory = try TemporaryDirectory()
    try directory.write("footer.md.mustache", "\nCustom footer for {{footer}} isn't HTML-escaped\n")
    try directory.write("extra/unused.md.mustache", "{{%CONTENT_TYPE: TEXT}}\nunused\n")
    let report = try MarkdownReport(templateDirectory: directory.path)
    let comment = try report.comment(for: Fixtures.results(), runURL: nil, commentKey: "k")
    #expect(comment.contains("Custom footer for covbot 0.4.0 · go1.27.3"))
    #expect(comment.contains("isn't HTML-escaped"))
    #expect(!comment.contains("&#39;"))
    #expect(comment.contains("#### Failing packages"))
    #expect(report.templates.file(of: "footer.md") == directory.path + "/footer.md.mustache")
    #expect(report.templates.file(of: "verdict.md") == nil)
    #expect(report.templates.names.contains("extra/unused.md"))
  }

  @Test func thresholdDiffNeedsABase() throws {
    #expect(throws: TemplateError.self) { try Self.report().thresholdDiff(for: Fixtures.results()) }
    let text = try Self.report().thresholdDiff(for: Self.resultsWithDiff())
    #expect(text.hasPrefix("### Coverage vs base feedfacecafe"))
    #expect(text.contains("| PASS | example.com/demo | 90.0% | 95.0% | −5.0 | 89.8 |"))
    #expect(text.contains("| example.com/demo | 95.0% | 90.0% | −5.0 |"))
    let lowered = try #require(text.range(of: "Floors lowered"))
    #expect(lowered.lowerBound < text.range(of: "Biggest drops")!.lowerBound)
  }

  @Test func anUnchangedBaseSaysSo() throws {
    var results = Fixtures.results()
    results.diff = ThresholdDiff(head: results, base: results)
    let comment = try Self.report().comment(for: results, runURL: nil, commentKey: "k")
    #expect(comment.contains("No package lost coverage and no floor changed vs base 0123456789ab."))
    let plain = try Self.report().comment(for: Fixtures.results(), runURL: nil, commentKey: "k")
    #expect(!plain.contains("No package lost coverage"))
  }

  @Test func interruptedRunsAreFlagged() throws {
    var results = Fixtures.results([Fixtures.package("a", covered: 9, total: 10, status: .pass)])
    results.interrupted = true
    results.refreshVerdict()
    let comment = try Self.report().comment(for: results, runURL: nil, commentKey: "k")
    #expect(comment.contains("> [!WARNING]"))
    #expect(
      MarkdownReport.oneLineVerdict(for: results)
        == "FAIL (interrupted): the run stopped before every package was measured; total 90.0%")
  }

  @Test func oneLineVerdicts() {
    #expect(
      MarkdownReport.oneLineVerdict(for: Fixtures.results())
        == "FAIL: 4 of 7 packages fail the gate: 1 build-fail, 1 test-fail, 1 below floor, 1 loose floor (1 skipped); total 82.8%"
    )
    #expect(
      MarkdownReport.oneLineVerdict(for: Fixtures.results(settings: GateSettings(loose: .warn)))
        == "FAIL: 3 of 7 packages fail the gate: 1 build-fail, 1 test-fail, 1 below floor (1 loose floor (warning), 1 skipped); total 82.8%"
    )
    let passing = Fixtures.results([
      Fixtures.package("a", covered: 9, total: 10, status: .pass),
      Fixtures.package("b", covered: 0, total: 0, status: .skipped, skip: .excluded),
    ])
    #expect(MarkdownReport.oneLineVerdict(for: passing) == "PASS: 1 package meet their floors (1 skipped); total 90.0%")
    let empty = Fixtures.results([])
    #expect(MarkdownReport.oneLineVerdict(for: empty) == "PASS: 0 packages meet their floors; no statements measured")
    #expect(MarkdownReport.oneLineVerdict(for: Fixtures.results()).count <= 140)
  }
}

/// A directory under the system temporary directory, removed when the value is released.
final class TemporaryDirectory {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "covbot-reporters-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes `text` to `relative`, creating directories.
  func write(_ relative: String, _ text: String) throws {
    try write(relative, Data(text.utf8))
  }

  func write(_ relative: String, _ data: Data) throws {
    let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
  }

  func read(_ relative: String) throws -> String {
    try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
  }
}

extension MarkdownReportTests {
  @Test func untrustedTextCannotMentionAnyoneOrReorderTheReport() throws {
    var results = Fixtures.results()
    results.packages.append(
      Fixtures.package(
        "@octocat/x\u{202E}og.tset", covered: 1, total: 10, status: .testFail,
        reason: "tests failed, cc @org/team \u{2066}", failedTests: ["TestPing@admin\u{200F}"],
        output: "--- FAIL: TestPing@admin\n    @org/security-team \u{202E}look\u{202C}\n```\n# not a heading\n"))
    results.refreshVerdict()
    let report = try Self.report()
    for text in [
      try report.comment(for: results, runURL: nil, commentKey: "default"),
      try report.summary(for: results, runURL: nil),
    ] {
      #expect(!text.unicodeScalars.contains { MarkdownText.isBidiControl($0) })
      #expect(text.contains("<U+202E>") || text.contains("&lt;U+202E&gt;"))
      // Outside code blocks every `@name` is broken by a zero-width space.
      let prose = Self.outsideCodeBlocks(text)
      #expect(!prose.contains("@octocat") && !prose.contains("@org/team"), "\(prose)")
      #expect(prose.contains("@&#8203;octocat"))
    }
    let summary = try report.summary(for: results, runURL: nil)
    #expect(summary.contains("    @org/security-team <U+202E>look<U+202C>\n```\n# not a heading"))
    #expect(summary.contains("````\n--- FAIL: TestPing@admin"), "the fence is longer than the output's ```")
  }

  /// `text` without its fenced code blocks (fences of three or more backticks).
  static func outsideCodeBlocks(_ text: String) -> String {
    var kept: [Substring] = []
    var fence: Substring?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let run = line.prefix { $0 == "`" }
      if let open = fence {
        if run == open && line.count == run.count { fence = nil }
      } else if run.count >= 3 {
        fence = run
      } else {
        kept.append(line)
      }
    }
    return kept.joined(separator: "\n")
  }
}
