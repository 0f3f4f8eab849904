import CovEngine
import Foundation
import Testing

@testable import Reporters

@Suite struct ReportWriterTests {
  @Test func writesEveryRequestedFileAndNothingElseOutsideActions() throws {
    let directory = try TemporaryDirectory()
    let request = ReportRequest(
      junitPath: directory.path + "/out/junit.xml", junitTests: true, markdownPath: directory.path + "/comment.md",
      summaryPath: directory.path + "/summary.md", commentKey: "nightly")
    var emitted: [String] = []
    try ReportWriter(request: request, environment: [:]).write(Fixtures.results()) { emitted.append($0) }
    #expect(emitted.isEmpty)
    let junit = try LibXML.parse(try directory.read("out/junit.xml"))
    #expect(junit.children("testsuite").count > 1)
    #expect(try directory.read("comment.md").hasPrefix("<!-- covbot:comment key=nightly -->\n"))
    #expect(try directory.read("summary.md").contains("#### Go output of failing packages"))
  }

  @Test func insideActionsWritesOutputsSummaryAndAnnotations() throws {
    let directory = try TemporaryDirectory()
    try directory.write("output", "")
    try directory.write("step-summary.md", "")
    let environment = [
      "GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": directory.path + "/output",
      "GITHUB_STEP_SUMMARY": directory.path + "/step-summary.md", "GITHUB_WORKSPACE": "/work/repo",
      "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_RUN_ID": "7",
    ]
    var emitted: [String] = []
    try ReportWriter(request: ReportRequest(), environment: environment).write(Fixtures.results()) {
      emitted.append($0)
    }
    let outputs = try GitHubActionsOutputTests.parseOutputs(try directory.read("output"))
    #expect(outputs["status"] == "fail")
    let summary = try directory.read("step-summary.md")
    #expect(summary.hasPrefix("### ❌ Coverage gate failed"))
    #expect(summary.contains("[workflow run](https://github.com/o/r/actions/runs/7)"))
    #expect(emitted.count == 4)
    #expect(emitted.first?.hasPrefix("::error file=demo/broken/broken.go,") == true)
  }

  @Test func oneFailedFileDoesNotStopTheOthers() throws {
    let directory = try TemporaryDirectory()
    try directory.write("blocker", "a file where a directory should be")
    let request = ReportRequest(
      junitPath: directory.path + "/blocker/junit.xml", markdownPath: directory.path + "/comment.md",
      summaryPath: directory.path + "/blocker/summary.md")
    let error = #expect(throws: ReportWriteError.self) {
      try ReportWriter(request: request, environment: [:]).write(Fixtures.results()) { _ in }
    }
    #expect(error?.failures.count == 2)
    #expect(error?.description.contains("cannot write \(directory.path)/blocker/junit.xml") == true)
    #expect(FileManager.default.fileExists(atPath: directory.path + "/comment.md"))
  }

  @Test func brokenTemplatesFailBeforeAnythingIsWritten() throws {
    let directory = try TemporaryDirectory()
    try directory.write("templates/summary.md.mustache", "{{#open}}")
    let request = ReportRequest(
      junitPath: directory.path + "/junit.xml", summaryPath: directory.path + "/summary.md",
      templateDirectory: directory.path + "/templates")
    #expect(throws: TemplateError.self) {
      try ReportWriter(request: request, environment: [:]).write(Fixtures.results()) { _ in }
    }
    #expect(!FileManager.default.fileExists(atPath: directory.path + "/junit.xml"))
  }
}
