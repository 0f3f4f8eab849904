import CovEngine
import FakeGitHub
import Foundation
import TestSupport
import Testing

/// `covbot ratchet --propose` as a scheduled workflow runs it: the built binary, a results file (no Go needed)
/// and the loopback GitHub fake.
@Suite("covbot ratchet --propose end to end")
struct RatchetProposeCommandTests {
  static let repository = "octo/demo"
  static let mainFiles = [
    "go.mod": "module example.com/demo\n",
    "svc/loose/.covgate": "70.0\n# owned by the loose team\n",
    "svc/under_score/.covgate": "60.0\n",
  ]

  /// A checkout (`GITHUB_WORKSPACE`) with the module in `svc/`, its floor files as on main, and a results file
  /// in which `loose` and `under_score` are LOOSE (`loose: false`: every package passes).
  static func workspace(loose: Bool = true) throws -> (workspace: String, module: String) {
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("covbot-propose-\(UUID().uuidString)")
    let module = workspace.appendingPathComponent("svc")
    for (path, content) in mainFiles {
      let url = workspace.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try content.write(to: url, atomically: true, encoding: .utf8)
    }
    try writeResults(loose: loose, module: module.path)
    return (workspace.path, module.path)
  }

  static func writeResults(loose: Bool, module: String) throws {
    func floorPackage(_ name: String, floor: Int64, covered: Int) -> PackageResult {
      PackageResult(
        importPath: "example.com/demo/\(name)", directory: name, floor: Percent(units: floor, scale: 1),
        floorSource: .file,
        floorFile: "\(name)/.covgate", coverage: StatementCoverage(covered: covered, total: 40),
        status: loose ? .loose : .pass)
    }
    let packages = [
      floorPackage("loose", floor: 700, covered: loose ? 36 : 28),
      floorPackage("under_score", floor: 600, covered: loose ? 31 : 24),
      PackageResult(
        importPath: "example.com/demo/plain", directory: "plain", floor: Percent(units: 800, scale: 1),
        floorSource: .default,
        coverage: StatementCoverage(covered: 9, total: 10), status: .pass),
    ]
    let results = SampleResults.demo(packages, commit: String(repeating: "e5", count: 20), moduleDirectory: module)
    try ResultsFile.write(results, to: module + "/" + ResultsFile.defaultName)
  }

  static func environment(_ fake: FakeGitHub, workspace: String, extra: [String: String] = [:]) -> [String: String] {
    [
      "GITHUB_API_URL": fake.apiURL, "GITHUB_TOKEN": fake.token, "GITHUB_REPOSITORY": repository,
      "GITHUB_WORKSPACE": workspace,
    ].merging(extra) { _, new in new }
  }

  static func propose(
    _ extraArguments: [String] = [], environment: [String: String], module: String
  ) async throws -> CovBotProcess.Output {
    try await CovBotProcess.run(
      ["ratchet", "--propose", "--results", ResultsFile.defaultName] + extraArguments, environment: environment,
      workingDirectory: module)
  }

  @Test("in Actions: masks the token, pushes one commit, opens one pull request, notes the token; re-run is a no-op")
  func proposeThenRerun() async throws {
    try await FakeGitHub.withServer { fake in
      let main = await fake.seedCommit(repository: Self.repository, files: Self.mainFiles)
      let (workspace, module) = try Self.workspace()
      let outputFile = workspace + "/github-output"
      let environment = Self.environment(
        fake, workspace: workspace,
        extra: [
          "GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": outputFile, "GITHUB_SERVER_URL": "https://github.com",
          "GITHUB_RUN_ID": "99",
        ])
      let first = try await Self.propose(environment: environment, module: module)
      #expect(first.exitCode == 0, "\(first.combined)")

      // The token: masked first, then never again.
      var stdoutLines = first.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(stdoutLines.first == "::add-mask::\(fake.token)"[...])
      stdoutLines.removeFirst()
      #expect(!stdoutLines.joined(separator: "\n").contains(fake.token))
      #expect(!first.stderr.contains(fake.token))

      let requests = await fake.requests()
      let branchHead = try #require(
        await fake.reference(repository: Self.repository, ref: "refs/heads/covbot/ratchet"))
      #expect(
        requests.map { "\($0.method) \($0.path)" } == [
          "GET /repos/octo/demo/git/ref/heads/main",
          "GET /repos/octo/demo/git/commits/\(main)",
          "GET /repos/octo/demo/contents/svc/loose/.covgate",
          "GET /repos/octo/demo/contents/svc/under_score/.covgate",
          "POST /repos/octo/demo/git/blobs",
          "POST /repos/octo/demo/git/blobs",
          "POST /repos/octo/demo/git/trees",
          "GET /repos/octo/demo/git/ref/heads/covbot/ratchet",
          "POST /repos/octo/demo/git/commits",
          "POST /repos/octo/demo/git/refs",
          "GET /repos/octo/demo/pulls",
          "POST /repos/octo/demo/pulls",
        ])
      #expect(requests[2].query["ref"] == main)
      let tree = try #require(requests.first { $0.path.hasSuffix("/git/trees") })
      #expect(JSONValue.parse(Data(tree.body.utf8))?["base_tree"] != nil)
      #expect(await fake.commitParents(repository: Self.repository, commit: branchHead) == [main])
      #expect(
        await fake.fileContent(repository: Self.repository, at: branchHead, path: "svc/loose/.covgate")
          == "90.0\n# owned by the loose team\n")
      #expect(
        await fake.fileContent(repository: Self.repository, at: branchHead, path: "svc/under_score/.covgate")
          == "77.5\n")

      let pulls = await fake.pullRequests(repository: Self.repository)
      let pull = try #require(pulls.first)
      #expect(pulls.count == 1)
      #expect(pull.title == "covbot: raise the coverage floor of 2 packages")
      #expect(pull.head == "covbot/ratchet")
      #expect(pull.base == "main")
      let body = pull.body ?? ""
      #expect(body.contains("<!-- covbot:ratchet -->"))
      #expect(body.contains("| example.com/demo/loose | 70.0 | **90.0** | 90.0% | 36/40 | svc/loose/.covgate |"))
      #expect(body.contains("| example.com/demo/under\\_score | 60.0 | **77.5** | 77.5% |"))
      #expect(body.contains("new floor = measured coverage − 0.0 points"))
      #expect(body.contains("tolerance 0.5 points"))
      #expect(
        body.contains("Measured at e5e5e5e5e5e5 in [this workflow run](https://github.com/octo/demo/actions/runs/99)"))
      #expect(!body.hasPrefix("covbot: raise"))

      #expect(first.stdout.contains("covbot: opened pull request #\(pull.number)"))
      #expect(first.stdout.contains("::notice title=covbot ratchet::"))
      #expect(first.stderr.contains("--token-env COVBOT_RATCHET_TOKEN"))
      let outputs = try String(contentsOfFile: outputFile, encoding: .utf8)
      #expect(outputs.contains("pull-request-number<<"))
      #expect(outputs.contains("\n\(pull.number)\n"))

      // The same results again: no commit, no branch move, no pull request edit.
      await fake.clearRequests()
      let second = try await Self.propose(environment: environment, module: module)
      #expect(second.exitCode == 0, "\(second.combined)")
      #expect(second.stdout.contains("already holds these floors"))
      #expect(second.stdout.contains("is up to date"))
      #expect(
        await fake.requests().filter(\.isMutating).map { "\($0.method) \($0.path)" } == [
          "POST /repos/octo/demo/git/blobs", "POST /repos/octo/demo/git/blobs", "POST /repos/octo/demo/git/trees",
        ])
      #expect(await fake.reference(repository: Self.repository, ref: "refs/heads/covbot/ratchet") == branchHead)
      #expect(await fake.pullRequests(repository: Self.repository).count == 1)
    }
  }

  @Test("main moved: the branch is rebuilt on it, a floor raised there meanwhile is never lowered")
  func mainMovedAndRaisedAFloor() async throws {
    try await FakeGitHub.withServer { fake in
      _ = await fake.seedCommit(repository: Self.repository, files: Self.mainFiles)
      let (workspace, module) = try Self.workspace()
      let environment = Self.environment(fake, workspace: workspace)
      let first = try await Self.propose(environment: environment, module: module)
      #expect(first.exitCode == 0, "\(first.combined)")
      let number = try #require(await fake.pullRequests(repository: Self.repository).first?.number)

      let moved = await fake.seedCommit(
        repository: Self.repository, files: ["svc/under_score/.covgate": "80.0\n# raised by hand\n"])
      let second = try await Self.propose(environment: environment, module: module)
      #expect(second.exitCode == 0, "\(second.combined)")
      #expect(second.stdout.contains("main already has the floor 80.0 (this run: 77.5)"))
      #expect(second.stdout.contains("covbot: moved covbot/ratchet from"))
      #expect(second.stdout.contains("covbot: updated pull request #\(number)"))
      let head = try #require(await fake.reference(repository: Self.repository, ref: "refs/heads/covbot/ratchet"))
      #expect(await fake.commitParents(repository: Self.repository, commit: head) == [moved])
      #expect(
        await fake.fileContent(repository: Self.repository, at: head, path: "svc/under_score/.covgate")
          == "80.0\n# raised by hand\n")
      let pulls = await fake.pullRequests(repository: Self.repository)
      #expect(pulls.map(\.number) == [number])
      #expect(pulls.first?.title == "covbot: raise the coverage floor of 1 package")
      #expect(pulls.first?.body?.contains("main already has the floor 80.0") == true)
    }
  }

  @Test("nothing to raise: one note on the open proposal, then nothing; --close-stale closes it")
  func staleProposal() async throws {
    try await FakeGitHub.withServer { fake in
      _ = await fake.seedCommit(repository: Self.repository, files: Self.mainFiles)
      let (workspace, module) = try Self.workspace()
      let environment = Self.environment(fake, workspace: workspace)
      #expect(try await Self.propose(environment: environment, module: module).exitCode == 0)
      let number = try #require(await fake.pullRequests(repository: Self.repository).first?.number)

      try Self.writeResults(loose: false, module: module)
      for run in 1...2 {
        let output = try await Self.propose(environment: environment, module: module)
        #expect(output.exitCode == 0, "\(output.combined)")
        #expect(output.stdout.contains("Nothing to ratchet"))
        #expect(
          output.stdout.contains(run == 1 ? "commented on #\(number)" : "already says it is no longer needed"))
      }
      let comments = await fake.comments(repository: Self.repository, issue: number)
      #expect(comments.count == 1)
      #expect(comments.first?.body.contains("no longer needed") == true)

      let closing = try await Self.propose(["--close-stale"], environment: environment, module: module)
      #expect(closing.exitCode == 0, "\(closing.combined)")
      #expect(closing.stdout.contains("closed #\(number)"))
      #expect(await fake.pullRequests(repository: Self.repository).map(\.state) == ["closed"])
      let after = try await Self.propose(["--close-stale"], environment: environment, module: module)
      #expect(after.stdout.contains("no open pull request from covbot/ratchet"))
    }
  }

  @Test("a 403 on opening the pull request exits 3 with the Actions setting to enable, token unprinted")
  func actionsMayNotCreatePullRequests() async throws {
    try await FakeGitHub.withServer { fake in
      _ = await fake.seedCommit(repository: Self.repository, files: Self.mainFiles)
      await fake.inject(
        FakeFault(
          .forbidden(message: "GitHub Actions is not permitted to create or approve pull requests."), method: "POST",
          path: "/pulls"))
      let (workspace, module) = try Self.workspace()
      let output = try await Self.propose(
        environment: Self.environment(fake, workspace: workspace, extra: ["GITHUB_ACTIONS": "true"]), module: module)
      #expect(output.exitCode == 3, "\(output.combined)")
      #expect(output.stderr.contains("could not open the pull request (covbot/ratchet → main in octo/demo)"))
      #expect(output.stderr.contains("Settings → Actions → General → Workflow permissions"))
      #expect(output.stderr.contains("Allow GitHub Actions to create and approve pull requests"))
      #expect(output.stderr.contains("already holds the proposed commit"))
      #expect(!output.stdout.dropFirst("::add-mask::\(fake.token)".count).contains(fake.token))
      #expect(!output.stderr.contains(fake.token))
    }
  }

  @Test("the token stays hidden even when GitHub echoes the Authorization header")
  func tokenNeverPrinted() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.echoAuthorization, method: "GET"))
      let (workspace, module) = try Self.workspace()
      let output = try await Self.propose(environment: Self.environment(fake, workspace: workspace), module: module)
      #expect(output.exitCode == 3, "\(output.combined)")
      #expect(output.stderr.contains("Bearer ***"))
      #expect(!output.combined.contains(fake.token))
    }
  }

  @Test(
    "usage errors exit 2 before any request",
    arguments: [
      (["--write"], [:], "excludes --write"),
      (["--branch", "main", "--base-branch", "main"], [:], "--branch and --base-branch are both"),
      ([], ["GITHUB_REPOSITORY": ""], "no repository"),
      ([], ["GITHUB_TOKEN": ""], "no GitHub token"),
      (["--token-env", "NOT-A-NAME"], [:], "is not an environment variable name"),
    ] as [([String], [String: String], String)])
  func usageErrors(arguments: [String], environment: [String: String], message: String) async throws {
    try await FakeGitHub.withServer { fake in
      let (workspace, module) = try Self.workspace()
      let output = try await Self.propose(
        arguments, environment: Self.environment(fake, workspace: workspace, extra: environment), module: module)
      #expect(output.exitCode == 2, "\(output.combined)")
      #expect(output.stderr.contains(message), "\(output.stderr)")
      #expect(await fake.requests().isEmpty)
    }
  }

  @Test("--close-stale without --propose is a usage error")
  func closeStaleNeedsPropose() async throws {
    let (_, module) = try Self.workspace()
    let output = try await CovBotProcess.run(
      ["ratchet", "--results", ResultsFile.defaultName, "--close-stale"], workingDirectory: module)
    #expect(output.exitCode == 2)
    #expect(output.stderr.contains("--close-stale needs --propose"))
  }
}
