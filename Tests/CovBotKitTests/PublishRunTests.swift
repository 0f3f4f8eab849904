import CovBotKit
import CovEngine
import FakeGitHub
import Foundation
import Reporters
import TestSupport
import Testing

/// Publishing in-process against the loopback fake: one comparison, one verdict, wherever it runs.
@Suite struct PublishRunTests {
  private static let sha = String(repeating: "cd", count: 20)

  private static func results(covered: Int) -> CovResults {
    SampleResults.demo([SampleResults.packageA(covered: covered)])
  }

  /// `report`, `publish` and `gate --publish` compare head and base through one ``BaseComparison``:
  /// the same files and rules give the same verdict, in the comment and in the commit status.
  @Test(arguments: [(Percent?.none, "success"), (Percent(units: 2, scale: 0), "failure")])
  func theSameComparisonGivesTheSameVerdictEverywhere(maxDrop: Percent?, status: String) async throws {
    try await FakeGitHub.withServer { fake in
      let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kit-\(UUID())").path
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      try ResultsFile.write(Self.results(covered: 90), to: directory + "/base.json")
      let reports = try ReportRun(
        request: ReportRequest(), basePath: directory + "/base.json", maxDrop: maxDrop, environment: [:])
      // 90 % → 85 %: a five-point drop, within no limit and beyond a 2-point one.
      let compared = reports.compare(Self.results(covered: 85))
      #expect(compared.verdict.passed == (status == "success"))
      let output = KitOutput()
      let run = PublishRun(
        settings: PublishSettings(github: GitHubTarget(repository: "octo/demo"), pullRequest: 9, sha: Self.sha),
        markdown: reports.markdown, environment: ["GITHUB_API_URL": fake.apiURL, "GITHUB_TOKEN": fake.token],
        output: output.output)
      let report = try await run.run(compared)
      #expect(!report.hasFailures, "\(output.err)")
      #expect(await fake.statuses(repository: "octo/demo").map(\.state) == [status])
      let comment = try #require(await fake.comments(repository: "octo/demo", issue: 9).first)
      #expect(comment.body.contains(status == "success" ? "PASS" : "FAIL"))
    }
  }

  @Test func aMissingTokenIsASetupFailureThatFailsOnlyWhenTold() async throws {
    let output = KitOutput()
    let reports = try ReportRun(request: ReportRequest(), environment: [:])
    var settings = PublishSettings(github: GitHubTarget(repository: "octo/demo"), pullRequest: 1, sha: Self.sha)
    let run = PublishRun(settings: settings, markdown: reports.markdown, environment: [:], output: output.output)
    let report = try await run.run(Self.results(covered: 90))
    #expect(report.setupFailure?.contains("no GitHub token") == true)
    #expect(throws: Never.self) { try run.enforce(report) }
    settings.failOnPublishError = true
    let strict = PublishRun(settings: settings, markdown: reports.markdown, environment: [:], output: output.output)
    #expect(throws: RunFailure.self) { try strict.enforce(report) }
  }
}
