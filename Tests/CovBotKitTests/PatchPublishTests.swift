import CovBotKit
import CovEngine
import FakeGitHub
import Foundation
import Reporters
import TestSupport
import Testing

/// Patch coverage on GitHub, published in-process against the loopback fake: the `covbot/patch`
/// status, the check run's annotations and the comment's links.
@Suite struct PatchPublishTests {
  private static let sha = String(repeating: "cd", count: 20)

  /// One package (passing, or below its floor), with `patch`.
  private static func results(patch: PatchResult?, packagePasses: Bool = true) -> CovResults {
    SampleResults.demo(
      [SampleResults.packageA(covered: packagePasses ? 90 : 10, status: packagePasses ? .pass : .fail)], patch: patch)
  }

  /// 19 of 26 changed lines covered (73.0 %) in two files.
  private static func patch(floor: Percent?) -> PatchResult {
    PatchResult(
      base: nil,
      files: [
        PatchFileCoverage(
          path: "a/a.go", changedLines: 20, coveredLines: 15, partialLines: 1, missedLines: 4,
          missedRanges: [LineRange(start: 12, end: 14), LineRange(start: 30, end: 30)],
          partialRanges: [LineRange(start: 40, end: 40)], measured: true),
        PatchFileCoverage(
          path: "b/b.go", changedLines: 6, coveredLines: 4, missedLines: 2,
          missedRanges: [LineRange(start: 3, end: 4)], measured: true),
      ],
      floor: floor)
  }

  /// `count` one-line missed ranges in `files` files, plus one range of `count` lines in `big.go`.
  private static func manyRanges(_ count: Int) -> PatchResult {
    let files = (0..<4).map { index in
      let ranges = stride(from: index, to: count, by: 4).map { LineRange(start: $0 * 3 + 1, end: $0 * 3 + 1) }
      return PatchFileCoverage(
        path: "p\(index)/f.go", changedLines: ranges.count, missedLines: ranges.count, missedRanges: ranges,
        measured: true)
    }
    let big = PatchFileCoverage(
      path: "big/big.go", changedLines: 7, missedLines: 7, missedRanges: [LineRange(start: 100, end: 106)],
      measured: true)
    return PatchResult(base: nil, files: files + [big], floor: nil)
  }

  private static func publish(
    _ results: CovResults, fake: FakeGitHub, settings: (inout PublishSettings) -> Void = { _ in }
  ) async throws -> (PublishReport, KitOutput) {
    var publishSettings = PublishSettings(
      github: GitHubTarget(repository: "octo/demo"), pullRequest: 9, sha: sha, checkRun: true)
    settings(&publishSettings)
    let output = KitOutput()
    let run = PublishRun(
      settings: publishSettings, markdown: try MarkdownReport(templateDirectory: nil),
      environment: [
        "GITHUB_API_URL": fake.apiURL, "GITHUB_TOKEN": fake.token, "GITHUB_SERVER_URL": "https://github.example",
      ],
      output: output.output)
    return (try await run.run(results), output)
  }

  @Test(arguments: [
    (Percent?.none, "success", "73.0% of 26 changed lines"),
    (Percent(units: 70, scale: 0), "success", "73.0% of 26 changed lines (floor 70.0)"),
    (Percent(units: 80, scale: 0), "failure", "73.0% of 26 changed lines (floor 80.0)"),
  ])
  func thePatchStatusHasItsOwnContextStateAndDescription(
    floor: Percent?, state: String, description: String
  )
    async throws
  {
    try await FakeGitHub.withServer { fake in
      let (report, output) = try await Self.publish(Self.results(patch: Self.patch(floor: floor)), fake: fake)
      #expect(!report.hasFailures, "\(output.err)")
      let statuses = await fake.statuses(repository: "octo/demo")
      #expect(statuses.map(\.context) == ["covbot", "covbot/patch"])
      let patch = try #require(statuses.last)
      #expect(patch.state == state)
      #expect(patch.description == description)
      #expect(patch.sha == Self.sha)
      // The overall status carries the patch verdict too.
      #expect(statuses.first?.state == state)
      #expect(output.out.contains("patch status covbot/patch = \(state)"))
    }
  }

  @Test func aCustomContextGetsItsOwnPatchContext() async throws {
    try await FakeGitHub.withServer { fake in
      _ = try await Self.publish(Self.results(patch: Self.patch(floor: nil)), fake: fake) {
        $0.statusContext = "coverage/api"
      }
      #expect(await fake.statuses(repository: "octo/demo").map(\.context) == ["coverage/api", "coverage/api/patch"])
    }
  }

  @Test func withoutPatchOrWithoutStatusesNoPatchStatus() async throws {
    try await FakeGitHub.withServer { fake in
      let (report, _) = try await Self.publish(Self.results(patch: nil), fake: fake)
      #expect(await fake.statuses(repository: "octo/demo").map(\.context) == ["covbot"])
      #expect(!report.entries.contains { $0.target == .patchStatus })
    }
    try await FakeGitHub.withServer { fake in
      let (report, _) = try await Self.publish(Self.results(patch: Self.patch(floor: nil)), fake: fake) {
        $0.status = false
      }
      #expect(await fake.statuses(repository: "octo/demo").isEmpty)
      let entry = try #require(report.entries.first { $0.target == .patchStatus })
      guard case .skipped(let reason) = entry.outcome else {
        Issue.record("expected a skip, got \(entry.outcome)")
        return
      }
      #expect(reason == "--no-status")
    }
  }

  @Test func missedRangesAreAnnotatedFiftyPerRequestAfterThePackages() async throws {
    try await FakeGitHub.withServer { fake in
      // 119 one-line ranges + one of 7 lines = 120 warnings, plus the failing package's annotation.
      let results = Self.results(patch: Self.manyRanges(119), packagePasses: false)
      let (report, output) = try await Self.publish(results, fake: fake)
      #expect(!report.hasFailures, "\(output.err)")
      let requests = await fake.requests().filter { $0.path.contains("/check-runs") }
      #expect(requests.map(\.method) == ["POST", "PATCH", "PATCH"])
      let batches = requests.map { request in
        JSONValue.parse(Data(request.body.utf8))?["output"]?["annotations"]?.array ?? []
      }
      #expect(batches.map(\.count) == [50, 50, 21])
      let all = batches.flatMap { $0 }
      #expect(all.first?["annotation_level"]?.string == "failure", "the package comes first")
      let second = try #require(all.dropFirst().first)
      #expect(second["path"]?.string == "big/big.go", "the most missed range next")
      #expect(second["start_line"]?.integer == 100 && second["end_line"]?.integer == 106)
      #expect(second["message"]?.string == "Lines 100–106 changed here are not run by any test")
      #expect(all.dropFirst().allSatisfy { $0["annotation_level"]?.string == "warning" })
      #expect(output.out.contains("121 annotations in 3 requests"))
    }
  }

  @Test func theCommentAndCheckRunSummaryLinkChangedLinesToTheHeadCommit() async throws {
    try await FakeGitHub.withServer { fake in
      let (report, output) = try await Self.publish(Self.results(patch: Self.patch(floor: nil)), fake: fake)
      #expect(!report.hasFailures, "\(output.err)")
      let link = "https://github.example/octo/demo/blob/\(Self.sha)/a/a.go#L12-L14"
      let comment = try #require(await fake.comments(repository: "octo/demo", issue: 9).first)
      #expect(comment.body.contains("[12–14](\(link))"))
      let summary = try #require(await fake.checkRuns(repository: "octo/demo").first?.summary)
      #expect(summary.contains("[12–14](\(link))"))
      #expect(summary.contains("Patch coverage: 73.0%"))
    }
  }
}

/// The gate's and `covbot report`'s own Markdown (job summary, `--markdown`) link to the same commit.
@Suite struct PatchReportLinkTests {
  private static let head = String(repeating: "4e", count: 20)
  private static let merge = String(repeating: "3d", count: 20)

  /// A `pull_request` event payload whose head is ``head``; `GITHUB_SHA` is the merge commit.
  private static func environment(_ directory: String) throws -> [String: String] {
    let payload = #"{"pull_request": {"number": 9, "head": {"sha": "\#(head)"}, "base": {"sha": "\#(merge)"}}}"#
    try payload.write(toFile: directory + "/event.json", atomically: true, encoding: .utf8)
    return [
      "GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "octo/demo", "GITHUB_SERVER_URL": "https://github.example",
      "GITHUB_SHA": merge, "GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": directory + "/event.json",
    ]
  }

  @Test func inAPullRequestRunFilesLinkToTheHeadNotTheMergeCommit() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kit-\(UUID())").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let patch = PatchResult(
      base: nil,
      files: [
        PatchFileCoverage(
          path: "a/a.go", changedLines: 2, missedLines: 2, missedRanges: [LineRange(start: 5, end: 6)], measured: true)
      ],
      floor: nil)
    let results = SampleResults.demo([], commit: Self.merge, patch: patch)
    let reports = try ReportRun(request: ReportRequest(), environment: try Self.environment(directory))
    let markdown = try reports.render(
      results, format: .markdown, diffOnly: false, style: .plain, source: "covbot-results.json")
    #expect(markdown.contains("[5–6](https://github.example/octo/demo/blob/\(Self.head)/a/a.go#L5-L6)"))
    #expect(!markdown.contains(Self.merge))
    // Outside Actions there is nothing to link to: plain text.
    let local = try ReportRun(request: ReportRequest(), environment: [:])
      .render(results, format: .markdown, diffOnly: false, style: .plain, source: "covbot-results.json")
    #expect(local.contains("| a/a.go | 2 | 0 | 0 | 2 | 0.0% | 5–6 |"))
  }
}
