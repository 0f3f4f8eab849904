import CovEngine
import FakeGitHub
import Foundation
import TestSupport

/// Results files and environments for `covbot publish` end-to-end tests.
enum PublishFixtures {
  static let repository = "octo/demo"
  static let headSHA = String(repeating: "b2", count: 20)
  static let mergeSHA = String(repeating: "c3", count: 20)

  /// A results document with `failing` packages below their floor and `passing` ones above.
  static func results(failing: Int, passing: Int = 1, commit: String? = nil) -> CovResults {
    var packages: [PackageResult] = []
    for index in 0..<failing {
      packages.append(
        PackageResult(
          importPath: "example.com/demo/fail\(index)", directory: "fail\(index)", floor: Percent(units: 800, scale: 1),
          floorSource: .default, coverage: StatementCoverage(covered: 5, total: 10), status: .fail,
          reason: "coverage 50.0% is below the floor 80.0", firstGoFile: "fail\(index)/code.go"))
    }
    for index in 0..<passing {
      packages.append(
        PackageResult(
          importPath: "example.com/demo/ok\(index)", directory: "ok\(index)", floor: Percent(units: 800, scale: 1),
          floorSource: .default, coverage: StatementCoverage(covered: 9, total: 10), status: .pass,
          firstGoFile: "ok\(index)/code.go"))
    }
    return SampleResults.demo(packages, commit: commit)
  }

  /// A fresh directory holding `covbot-results.json` for `results`.
  static func directory(with results: CovResults) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("covbot-publish-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try ResultsFile.write(results, to: directory.appendingPathComponent(ResultsFile.defaultName).path)
    return directory.path
  }

  /// The environment of a run against `fake`.
  static func environment(_ fake: FakeGitHub, extra: [String: String] = [:]) -> [String: String] {
    ["GITHUB_API_URL": fake.apiURL, "GITHUB_TOKEN": fake.token, "GITHUB_REPOSITORY": repository].merging(extra) {
      _, new in new
    }
  }

  /// A `pull_request` event payload for pull request `number`, written into `directory`.
  static func pullRequestEvent(number: Int, in directory: String, fork: Bool = false) throws -> String {
    let path = directory + "/event.json"
    let headRepository = fork ? "someone/demo" : repository
    let json = """
      {"action": "synchronize", "number": \(number), "pull_request": {"number": \(number),
        "head": {"sha": "\(headSHA)", "ref": "topic", "repo": {"full_name": "\(headRepository)"}},
        "base": {"sha": "\(String(repeating: "d4", count: 20))", "ref": "main", "repo": {"full_name": "\(repository)"}}}}
      """
    try json.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }
}
