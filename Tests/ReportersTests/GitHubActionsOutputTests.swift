import CovEngine
import Foundation
import Testing

@testable import Reporters

@Suite struct GitHubActionsOutputTests {
  /// Parses `GITHUB_OUTPUT` as the runner does: `name=value` lines and `name<<DELIMITER` blocks.
  static func parseOutputs(_ text: String) throws -> [String: String] {
    var outputs: [String: String] = [:]
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
    while let line = lines.popFirst() {
      if line.isEmpty { continue }
      if let range = line.range(of: "<<") {
        let name = String(line[..<range.lowerBound])
        let delimiter = line[range.upperBound...]
        var value: [Substring] = []
        while let next = lines.popFirst(), next != delimiter { value.append(next) }
        outputs[name] = value.joined(separator: "\n")
      } else {
        let parts = line.split(separator: "=", maxSplits: 1)
        outputs[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
      }
    }
    return outputs
  }

  @Test func outputsSayStatusCoverageAndWhichPackagesFailed() throws {
    let directory = try TemporaryDirectory()
    try directory.write("output", "earlier=kept\n")
    let actions = GitHubActionsOutput(environment: [
      "GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": directory.path + "/output",
    ])
    try actions.writeOutputs(GitHubActionsOutput.outputs(for: Fixtures.results()))
    let outputs = try Self.parseOutputs(try directory.read("output"))
    #expect(outputs["earlier"] == "kept")
    #expect(outputs["status"] == "fail")
    #expect(outputs["total-coverage"] == "82.8")
    #expect(
      outputs["failed-packages"]
        == "example.com/demo/broken\nexample.com/demo/cmd/tool\nexample.com/demo/internal/parse")
    #expect(outputs["loose-packages"] == "example.com/demo/internal/loose")
  }

  @Test func heredocDelimitersAreRandomAndNeverInTheValue() {
    let first = GitHubActionsOutput.heredoc(name: "x", value: "a\nb")
    let second = GitHubActionsOutput.heredoc(name: "x", value: "a\nb")
    #expect(first != second)
    let lines = first.split(separator: "\n")
    #expect(lines.count == 4)
    #expect(lines[0] == "x<<\(lines[3])")
    #expect(lines[3].hasPrefix("ghadelimiter_"))
  }

  @Test func theStepSummaryIsAppended() throws {
    let directory = try TemporaryDirectory()
    try directory.write("summary.md", "# Earlier step\n")
    let actions = GitHubActionsOutput(environment: ["GITHUB_STEP_SUMMARY": directory.path + "/summary.md"])
    try actions.appendStepSummary("### covbot")
    #expect(try directory.read("summary.md") == "# Earlier step\n### covbot\n")
  }

  @Test func anUnwritableFileIsAClearError() {
    let actions = GitHubActionsOutput(environment: ["GITHUB_OUTPUT": "/nonexistent/dir/output"])
    let error = #expect(throws: ActionsOutputError.self) { try actions.writeOutputs([("status", "pass")]) }
    #expect(
      error?.description.hasPrefix(
        "cannot append to GITHUB_OUTPUT (/nonexistent/dir/output): No such file or directory.") == true)
  }

  @Test func theRunURLNeedsAllThreeVariables() {
    let environment = [
      "GITHUB_SERVER_URL": "https://github.example/", "GITHUB_REPOSITORY": "o/r", "GITHUB_RUN_ID": "42",
    ]
    #expect(GitHubActionsOutput(environment: environment).runURL == "https://github.example/o/r/actions/runs/42")
    for missing in environment.keys {
      var partial = environment
      partial[missing] = ""
      #expect(GitHubActionsOutput(environment: partial).runURL == nil)
    }
  }

  @Test(arguments: [
    ("/home/runner/work/r/r", "/home/runner/work/r/r/go/demo", "go/demo"),
    ("/home/runner/work/r/r/", "/home/runner/work/r/r", ""),
    ("/home/runner/work/r/r", "/elsewhere/demo", ""),
    ("/home/runner/work/r/r", "/home/runner/work/r/rx/demo", ""),
  ])
  func annotationPathsAreRelativeToTheWorkspace(workspace: String, moduleDirectory: String, expected: String) {
    #expect(
      GitHubActionsOutput(environment: ["GITHUB_WORKSPACE": workspace]).pathPrefix(moduleDirectory: moduleDirectory)
        == expected)
  }
}
