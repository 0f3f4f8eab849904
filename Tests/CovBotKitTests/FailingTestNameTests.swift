import CovBotKit
import CovEngine
import Foundation
import Reporters
import TestSupport
import Testing

/// A failing test's name appears once in every report's reason (it read `failing tests: TestA: TestA`).
@Suite struct FailingTestNameTests {
  private func measured() async throws -> CovResults {
    let directory = try GoFixture.copy("hostile")
    let run = GateRun(
      configuration: GateConfiguration(moduleDirectory: directory, patterns: ["./mainexit"], parallelism: 1),
      go: try GoFixture.toolchain(), progress: TerminalProgress(live: false, style: .plain, write: { _ in }),
      output: KitOutput().output)
    return try await run.measure().0
  }

  private func count(_ text: some StringProtocol) -> Int {
    text.components(separatedBy: "TestBroken").count - 1
  }

  @Test func onceInTheAnnotationJUnitCommentAndTerminal() async throws {
    let results = try await measured()
    let package = try #require(results.packages.first)
    #expect(package.status == .testFail && package.failedTests == ["TestBroken"])

    let annotation = try #require(AnnotationBuilder.annotations(for: results).first)
    #expect(count(annotation.message) == 1, "\(annotation.message)")

    let xml = try JUnitReport(includeGoTests: false).render(results)
    let failure = try #require(xml.range(of: "<failure message=\""))
    let message = xml[failure.upperBound...].prefix { $0 != "\"" }
    #expect(count(message) == 1, "\(message)")

    let comment = try MarkdownReport(templateDirectory: nil).comment(
      for: results, runURL: nil, commentKey: MarkdownReport.defaultCommentKey)
    let row = try #require(comment.split(separator: "\n").first { $0.hasPrefix("|") && $0.contains("TEST-FAIL") })
    #expect(count(row) == 1, "\(row)")

    let table = TerminalTable.render(results).split(separator: "\n")
    let heading = try #require(table.firstIndex { $0.hasPrefix("TEST-FAIL example.com/hostile/mainexit") })
    #expect(count(table[heading + 1]) == 1, "\(table[heading + 1])")
  }
}
