import CovBotKit
import CovEngine
import FakeGitHub
import Foundation
import Reporters
import TestSupport
import Testing

/// `covbot gate`'s orchestration, in-process: real go on a fixture module, real report files,
/// publishing to the loopback fake.
@Suite(.serialized) struct GateRunTests {
  private func gateRun(
    _ directory: String, patterns: [String], output: KitOutput, resultsPath: String? = nil
  ) throws -> GateRun {
    GateRun(
      configuration: GateConfiguration(moduleDirectory: directory, patterns: patterns, parallelism: 2),
      go: try GoFixture.toolchain(), resultsPath: resultsPath,
      progress: TerminalProgress(live: false, style: .plain, write: { _ in }), output: output.output)
  }

  @Test func measuresWritesTheResultsAndEveryReport() async throws {
    let directory = try GoFixture.copy("hostile")
    let output = KitOutput()
    let reports = try ReportRun(
      request: ReportRequest(junitPath: directory + "/junit.xml", markdownPath: directory + "/comment.md"),
      environment: [:])
    let outcome = try await gateRun(directory, patterns: ["./good", "./mainexit"], output: output)
      .run(reports: reports)
    #expect(outcome.signal == nil)
    #expect(outcome.resultsPath == directory + "/covbot-results.json")
    let written = try ResultsFile.read(from: outcome.resultsPath)
    #expect(written.packages.map(\.status) == outcome.results.packages.map(\.status))
    #expect(written.packages.map(\.coverage) == outcome.results.packages.map(\.coverage))
    #expect(!outcome.results.verdict.passed)
    let junit = try String(contentsOfFile: directory + "/junit.xml", encoding: .utf8)
    #expect(junit.contains("TestBroken"))
    let comment = try String(contentsOfFile: directory + "/comment.md", encoding: .utf8)
    #expect(comment.contains("mainexit"))
    #expect(outcome.publication == nil)
  }

  @Test func aBaseAndMaxDropAreAppliedBeforeTheResultsAreWritten() async throws {
    let directory = try GoFixture.copy("hostile")
    // A base where every package was fully covered and passed.
    var base = try await gateRun(directory, patterns: ["./good", "./mainexit"], output: KitOutput())
      .measure().0
    for index in base.packages.indices {
      base.packages[index].coverage = StatementCoverage(
        covered: base.packages[index].coverage.total, total: base.packages[index].coverage.total)
      base.packages[index].status = .pass
    }
    try ResultsFile.write(base, to: directory + "/base.json")
    let reports = try ReportRun(
      request: ReportRequest(), basePath: directory + "/base.json", maxDrop: Percent(units: 5, scale: 0),
      environment: [:])
    let outcome = try await gateRun(directory, patterns: ["./good", "./mainexit"], output: KitOutput())
      .run(reports: reports)
    let written = try ResultsFile.read(from: outcome.resultsPath)
    #expect(written.diff?.packages.map(\.importPath) == ["example.com/hostile/good", "example.com/hostile/mainexit"])
    #expect(written.diff?.packages.last?.basePercent == 100)
    #expect(written.settings.maxDrop == Percent(units: 5, scale: 0))
    // Comparing again (covbot report or publish with the same base) changes nothing.
    let again = reports.compare(written)
    #expect(again.packages == written.packages)
    #expect(again.verdict == written.verdict)
    #expect(again.diff == written.diff)
  }

  @Test func publishesWhenAskedAndNotAfterASignal() async throws {
    try await FakeGitHub.withServer { fake in
      let directory = try GoFixture.copy("hostile")
      let output = KitOutput()
      let reports = try ReportRun(request: ReportRequest(), environment: [:])
      let publish = PublishRun(
        settings: PublishSettings(
          github: GitHubTarget(repository: "octo/demo"), pullRequest: 3, sha: String(repeating: "ab", count: 20)),
        markdown: reports.markdown,
        environment: ["GITHUB_API_URL": fake.apiURL, "GITHUB_TOKEN": fake.token], output: output.output)
      let outcome = try await gateRun(directory, patterns: ["./good"], output: output)
        .run(reports: reports, publish: publish)
      #expect(outcome.results.verdict.passed)
      #expect(outcome.publication?.hasFailures == false)
      #expect(await fake.comments(repository: "octo/demo", issue: 3).count == 1)
      #expect(await fake.statuses(repository: "octo/demo").map(\.state) == ["success"])
      #expect(output.out.contains("PR comment created on #3"))
      #expect(!output.out.contains(fake.token))
    }
  }
}
