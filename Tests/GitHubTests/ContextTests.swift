import Foundation
import GitHub
import Testing

@Suite("GitHub Actions context")
struct ContextTests {
  static func write(_ json: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("covbot-event-\(UUID().uuidString).json")
      .path
    try Data(json.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  static let baseEnvironment = [
    "GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "octo/demo", "GITHUB_SERVER_URL": "https://github.com",
    "GITHUB_RUN_ID": "42", "GITHUB_SHA": "merge0000000000000000000000000000000000000",
  ]

  @Test("a pull_request event gives the head SHA, not GITHUB_SHA's merge commit")
  func pullRequestEvent() throws {
    let path = try Self.write(
      """
      {"pull_request": {"number": 17,
        "head": {"sha": "headsha", "repo": {"full_name": "octo/demo"}},
        "base": {"sha": "basesha", "repo": {"full_name": "octo/demo"}}}}
      """)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var environment = Self.baseEnvironment
    environment["GITHUB_EVENT_NAME"] = "pull_request"
    environment["GITHUB_EVENT_PATH"] = path
    let context = try GitHubContext.fromEnvironment(environment)
    #expect(context.repository == RepositoryID(owner: "octo", name: "demo"))
    #expect(context.pullRequest == 17)
    #expect(context.headSHA == "headsha")
    #expect(context.baseSHA == "basesha")
    #expect(!context.isFork)
    #expect(context.isActions)
    #expect(context.eventName == "pull_request")
    #expect(context.runURL == "https://github.com/octo/demo/actions/runs/42")
  }

  @Test(
    "a pull request from another repository (or a deleted fork) is a fork",
    arguments: [
      #"{"full_name": "someone/demo"}"#, "null",
    ])
  func forkEvent(headRepository: String) throws {
    let path = try Self.write(
      """
      {"pull_request": {"number": 3, "head": {"sha": "h", "repo": \(headRepository)},
        "base": {"sha": "b", "repo": {"full_name": "octo/demo"}}}}
      """)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var environment = Self.baseEnvironment
    environment["GITHUB_EVENT_PATH"] = path
    #expect(try GitHubContext.fromEnvironment(environment).isFork)
  }

  @Test("a workflow_run event gives the triggering run's head commit and pull request")
  func workflowRunEvent() throws {
    let path = try Self.write(
      """
      {"workflow_run": {"head_sha": "runhead", "pull_requests": [{"number": 9}],
        "head_repository": {"full_name": "octo/demo"}, "repository": {"full_name": "octo/demo"}}}
      """)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var environment = Self.baseEnvironment
    environment["GITHUB_EVENT_NAME"] = "workflow_run"
    environment["GITHUB_EVENT_PATH"] = path
    let context = try GitHubContext.fromEnvironment(environment)
    #expect(context.headSHA == "runhead")
    #expect(context.pullRequest == 9)
  }

  @Test("a push event keeps GITHUB_SHA and has no pull request")
  func pushEvent() throws {
    let path = try Self.write(#"{"ref": "refs/heads/main", "after": "x"}"#)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var environment = Self.baseEnvironment
    environment["GITHUB_EVENT_PATH"] = path
    let context = try GitHubContext.fromEnvironment(environment)
    #expect(context.headSHA == Self.baseEnvironment["GITHUB_SHA"])
    #expect(context.pullRequest == nil)
  }

  @Test("flags override the environment")
  func overrides() throws {
    let context = try GitHubContext.fromEnvironment(Self.baseEnvironment)
      .overriding(repository: RepositoryID(owner: "a", name: "b"), pullRequest: 5, sha: "flagsha")
    #expect(context.repository?.description == "a/b")
    #expect(context.pullRequest == 5)
    #expect(context.headSHA == "flagsha")
    let kept = try GitHubContext.fromEnvironment(Self.baseEnvironment).overriding(
      repository: nil, pullRequest: nil, sha: nil)
    #expect(kept.repository?.description == "octo/demo")
  }

  @Test(
    "an unreadable or malformed event file is an error naming the file",
    arguments: [nil, "{not json", #"{"pull_request": {"number": "x"}}"#])
  func badEventFile(content: String?) throws {
    let path = try content.map(Self.write) ?? "/nonexistent/event.json"
    defer { try? FileManager.default.removeItem(atPath: path) }
    var environment = Self.baseEnvironment
    environment["GITHUB_EVENT_PATH"] = path
    let error = #expect(throws: GitHubError.self) { try GitHubContext.fromEnvironment(environment) }
    #expect(error?.kind == .configuration)
    #expect(error?.description.contains(path) == true)
  }

  @Test("a malformed GITHUB_REPOSITORY is an error naming the variable")
  func badRepository() {
    let error = #expect(throws: GitHubError.self) {
      try GitHubContext.fromEnvironment(["GITHUB_REPOSITORY": "nope"])
    }
    #expect(error?.description.contains("GITHUB_REPOSITORY") == true)
  }
}
