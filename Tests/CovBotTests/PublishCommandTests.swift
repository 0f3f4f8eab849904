import CovEngine
import FakeGitHub
import Foundation
import Testing

/// `covbot publish` as a CI step runs it: the built binary against the loopback GitHub fake.
@Suite("covbot publish end to end")
struct PublishCommandTests {
  @Test("a pull_request run comments, sets the status on the head commit, and updates in place next time")
  func pullRequestRun() async throws {
    try await FakeGitHub.withServer { fake in
      let directory = try PublishFixtures.directory(with: PublishFixtures.results(failing: 2))
      let event = try PublishFixtures.pullRequestEvent(number: 12, in: directory)
      let environment = PublishFixtures.environment(
        fake,
        extra: [
          "GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": event, "GITHUB_SHA": PublishFixtures.mergeSHA,
          "GITHUB_SERVER_URL": "https://github.com", "GITHUB_RUN_ID": "77",
        ])
      let first = try await CovBotProcess.run(["publish"], environment: environment, workingDirectory: directory)
      #expect(first.exitCode == 0, "\(first.combined)")
      #expect(first.stdout.contains("PR comment created on #12"))
      let comments = await fake.comments(repository: PublishFixtures.repository, issue: 12)
      #expect(comments.count == 1)
      #expect(comments.first?.body.contains("<!-- covbot:comment key=default -->") == true)
      let statuses = await fake.statuses(repository: PublishFixtures.repository)
      #expect(statuses.map(\.sha) == [PublishFixtures.headSHA])
      #expect(statuses.first?.state == "failure")
      #expect(statuses.first?.context == "covbot")
      #expect(statuses.first?.targetURL == "https://github.com/octo/demo/actions/runs/77")
      #expect((1...140).contains(statuses.first?.description?.count ?? 0))

      await fake.clearRequests()
      let second = try await CovBotProcess.run(["publish"], environment: environment, workingDirectory: directory)
      #expect(second.exitCode == 0, "\(second.combined)")
      #expect(second.stdout.contains("unchanged on #12"))
      #expect(
        await fake.requests().filter(\.isMutating).map(\.path) == [
          "/repos/octo/demo/statuses/\(PublishFixtures.headSHA)"
        ])
      #expect(await fake.comments(repository: PublishFixtures.repository, issue: 12).count == 1)
    }
  }

  @Test("the check run carries one annotation per failing package, 50 per request")
  func checkRunWithAnnotations() async throws {
    try await FakeGitHub.withServer { fake in
      let directory = try PublishFixtures.directory(with: PublishFixtures.results(failing: 120))
      let output = try await CovBotProcess.run(
        ["publish", "--sha", PublishFixtures.headSHA, "--check-run", "--no-status", "--comment", "off"],
        environment: PublishFixtures.environment(fake), workingDirectory: directory)
      #expect(output.exitCode == 0, "\(output.combined)")
      let runs = await fake.checkRuns(repository: PublishFixtures.repository)
      #expect(runs.count == 1)
      #expect(runs.first?.annotations.count == 120)
      #expect(runs.first?.conclusion == "failure")
      #expect(runs.first?.headSHA == PublishFixtures.headSHA)
      #expect(await fake.requests().filter(\.isMutating).map(\.method) == ["POST", "PATCH", "PATCH"])
      #expect(output.stdout.contains("120 annotations in 3 requests"))
    }
  }

  @Test("a read-only token (fork) warns, keeps the results, and exits 0, or 3 when told", arguments: [false, true])
  func readOnlyToken(failOnError: Bool) async throws {
    try await FakeGitHub.withServer(FakeGitHub.Configuration(readOnly: true)) { fake in
      let directory = try PublishFixtures.directory(with: PublishFixtures.results(failing: 1))
      let event = try PublishFixtures.pullRequestEvent(number: 5, in: directory, fork: true)
      let output = try await CovBotProcess.run(
        ["publish", "--check-run"] + (failOnError ? ["--fail-on-publish-error"] : []),
        environment: PublishFixtures.environment(fake, extra: ["GITHUB_EVENT_PATH": event]),
        workingDirectory: directory)
      #expect(output.exitCode == (failOnError ? 3 : 0), "\(output.combined)")
      #expect(output.stderr.contains("Resource not accessible by integration"))
      #expect(output.stderr.contains("read-only"))
      #expect(output.stderr.contains("comes from a fork"))
      #expect(
        output.stderr.contains("covbot publish --results covbot-results.json --pr 5 --sha \(PublishFixtures.headSHA)"))
      #expect(FileManager.default.fileExists(atPath: directory + "/covbot-results.json"))
      // Each target was tried once; nothing was retried and nothing was written.
      #expect(await fake.requests().filter(\.isMutating).count == 3)
      #expect(await fake.comments(repository: PublishFixtures.repository, issue: 5).isEmpty)
    }
  }

  @Test("the token appears nowhere but the ::add-mask:: line, which comes first in Actions", arguments: [false, true])
  func tokenNeverPrinted(inActions: Bool) async throws {
    try await FakeGitHub.withServer(FakeGitHub.Configuration(readOnly: true)) { fake in
      await fake.inject(FakeFault(.echoAuthorization, method: "GET"))
      let directory = try PublishFixtures.directory(with: PublishFixtures.results(failing: 1))
      var extra = ["GITHUB_STEP_SUMMARY": directory + "/summary.md"]
      if inActions { extra["GITHUB_ACTIONS"] = "true" }
      let output = try await CovBotProcess.run(
        ["publish", "--pr", "3", "--sha", PublishFixtures.headSHA, "--check-run"],
        environment: PublishFixtures.environment(fake, extra: extra), workingDirectory: directory)
      #expect(output.exitCode == 0, "\(output.combined)")
      var stdoutLines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      if inActions {
        #expect(stdoutLines.first == "::add-mask::\(fake.token)"[...])
        stdoutLines.removeFirst()
        #expect(output.stdout.contains("::warning title=covbot publish::"))
      }
      #expect(!stdoutLines.joined(separator: "\n").contains(fake.token))
      #expect(!output.stderr.contains(fake.token))
      #expect(output.stderr.contains("Bearer ***"))
    }
  }

  @Test("GitHub Enterprise Server: GITHUB_API_URL with /api/v3")
  func enterprise() async throws {
    try await FakeGitHub.withServer(FakeGitHub.Configuration(pathPrefix: "/api/v3")) { fake in
      let directory = try PublishFixtures.directory(with: PublishFixtures.results(failing: 0))
      let output = try await CovBotProcess.run(
        ["publish", "--pr", "4", "--sha", PublishFixtures.headSHA, "--comment-key", "services-api"],
        environment: PublishFixtures.environment(fake), workingDirectory: directory)
      #expect(output.exitCode == 0, "\(output.combined)")
      let comments = await fake.comments(repository: PublishFixtures.repository, issue: 4)
      #expect(comments.first?.body.contains("<!-- covbot:comment key=services-api -->") == true)
      #expect(await fake.statuses(repository: PublishFixtures.repository).first?.state == "success")
    }
  }

  @Test("--comment on-failure leaves a passing pull request without a comment")
  func commentOnFailure() async throws {
    try await FakeGitHub.withServer { fake in
      let directory = try PublishFixtures.directory(with: PublishFixtures.results(failing: 0))
      let output = try await CovBotProcess.run(
        ["publish", "--pr", "8", "--no-status", "--comment", "on-failure"],
        environment: PublishFixtures.environment(fake), workingDirectory: directory)
      #expect(output.exitCode == 0, "\(output.combined)")
      #expect(output.stdout.contains("gate passed"))
      #expect(await fake.requests().filter(\.isMutating).isEmpty)
    }
  }

  @Test("without a token nothing is published: a warning, exit 0, or 3 when told", arguments: [false, true])
  func missingToken(failOnError: Bool) async throws {
    try await FakeGitHub.withServer { fake in
      let directory = try PublishFixtures.directory(with: PublishFixtures.results(failing: 1))
      var environment = PublishFixtures.environment(fake)
      environment["GITHUB_TOKEN"] = nil
      let output = try await CovBotProcess.run(
        ["publish", "--pr", "1", "--token-env", "COVBOT_GH_TOKEN"] + (failOnError ? ["--fail-on-publish-error"] : []),
        environment: environment, workingDirectory: directory)
      #expect(output.exitCode == (failOnError ? 3 : 0), "\(output.combined)")
      #expect(output.stderr.contains("COVBOT_GH_TOKEN is not set"))
      #expect(await fake.requests().isEmpty)
    }
  }

  @Test(
    "bad flags and unreadable results exit 2 naming the problem",
    arguments: [
      (["publish", "--sha", "xyz"], "--sha"),
      (["publish", "--repo", "not-a-repo"], "--repo"),
      (["publish", "--comment", "sometimes"], "--comment"),
      (["publish", "--pr", "0"], "--pr"),
      (["publish", "--results", "missing.json"], "missing.json"),
      (["publish", "--template-dir", "/nonexistent/templates"], "/nonexistent/templates"),
    ])
  func usageErrors(arguments: [String], mention: String) async throws {
    try await FakeGitHub.withServer { fake in
      let directory = try PublishFixtures.directory(with: PublishFixtures.results(failing: 1))
      let output = try await CovBotProcess.run(
        arguments + ["--pr", "1"].filter { _ in !arguments.contains("--pr") },
        environment: PublishFixtures.environment(fake), workingDirectory: directory)
      #expect(output.exitCode == 2, "\(output.combined)")
      #expect(output.stderr.contains(mention), "\(output.stderr)")
      #expect(await fake.requests().isEmpty)
    }
  }

  @Test("a workflow_run job publishes with --pr and --sha from the uploaded artifact")
  func workflowRunPattern() async throws {
    try await FakeGitHub.withServer { fake in
      let directory = try PublishFixtures.directory(
        with: PublishFixtures.results(failing: 1, commit: PublishFixtures.mergeSHA))
      let event = directory + "/event.json"
      try #"{"workflow_run": {"head_sha": "\#(PublishFixtures.headSHA)", "pull_requests": []}}"#.write(
        toFile: event, atomically: true, encoding: .utf8)
      let output = try await CovBotProcess.run(
        ["publish", "--pr", "21", "--sha", PublishFixtures.headSHA, "--check-run"],
        environment: PublishFixtures.environment(
          fake, extra: ["GITHUB_EVENT_NAME": "workflow_run", "GITHUB_EVENT_PATH": event]),
        workingDirectory: directory)
      #expect(output.exitCode == 0, "\(output.combined)")
      #expect(await fake.comments(repository: PublishFixtures.repository, issue: 21).count == 1)
      #expect(await fake.statuses(repository: PublishFixtures.repository).map(\.sha) == [PublishFixtures.headSHA])
      #expect(await fake.checkRuns(repository: PublishFixtures.repository).map(\.headSHA) == [PublishFixtures.headSHA])
    }
  }
}
