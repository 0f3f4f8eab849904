import FakeGitHub
import Foundation
import GitHub
import Testing

@Suite("Retries and rate limits over real HTTP")
struct RetryTests {
  @Test("a GET that met 502 is retried after a backoff", arguments: [502, 503, 504])
  func serverErrorIsRetried(status: Int) async throws {
    try await FakeGitHub.withServer { fake in
      await fake.seedComment(repository: "octo/demo", issue: 1, body: "hello")
      await fake.inject(FakeFault(.serverError(status), method: "GET"))
      let sleeper = RecordingSleeper()
      let client = try TestClients.client(for: fake, sleeper: sleeper)
      let comments = try await client.issueComments(in: demo, issue: 1)
      #expect(comments.map(\.body) == ["hello"])
      #expect(await fake.requests().map(\.status) == [status, 200])
      #expect(sleeper.waits.count == 1)
      #expect(sleeper.waits.allSatisfy { $0 >= .milliseconds(500) && $0 <= .seconds(1) })
    }
  }

  @Test("5xx retries are bounded and end in a clear error")
  func serverErrorsGiveUp() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.serverError(502), method: "GET", times: 10))
      let sleeper = RecordingSleeper()
      let client = try TestClients.client(for: fake, sleeper: sleeper, retry: RetryPolicy(maxAttempts: 3))
      let error = await #expect(throws: GitHubError.self) { try await client.issueComments(in: demo, issue: 1) }
      #expect(error?.kind == .server)
      #expect(error?.status == 502)
      #expect(error?.attempts == 3)
      #expect(await fake.requests().count == 3)
      #expect(sleeper.waits.count == 2)
      #expect(error?.description.contains("githubstatus") == true)
    }
  }

  @Test("a secondary limit with retry-after waits exactly that long")
  func retryAfterIsHonoured() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.secondaryRateLimit(status: 403, retryAfter: 1), method: "PATCH"))
      let id = await fake.seedComment(repository: "octo/demo", issue: 1, body: "a")
      let sleeper = RecordingSleeper()
      let client = try TestClients.client(for: fake, sleeper: sleeper)
      let updated = try await client.updateIssueComment(id, in: demo, body: "b")
      #expect(updated.body == "b")
      #expect(sleeper.waits == [.seconds(1)])
      #expect(await fake.requests().map(\.status) == [403, 200])
    }
  }

  @Test("a real one-second retry-after is waited out with the live sleeper")
  func liveRetryAfter() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.secondaryRateLimit(status: 429, retryAfter: 1), method: "GET"))
      let configuration = try GitHubClient.Configuration(
        apiURL: fake.apiURL, token: GitHubToken(fake.token)!, userAgent: TestClients.userAgent)
      let client = GitHubClient(configuration: configuration)
      let started = ContinuousClock.now
      _ = try await client.issueComments(in: demo, issue: 1)
      #expect(ContinuousClock.now - started >= .seconds(1))
      #expect(await fake.requests().map(\.status) == [429, 200])
    }
  }

  @Test("a secondary limit without retry-after waits a minute, then twice that")
  func secondaryWithoutRetryAfter() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.secondaryRateLimit(status: 403, retryAfter: nil), method: "POST", times: 2))
      let sleeper = RecordingSleeper()
      let client = try TestClients.client(for: fake, sleeper: sleeper)
      _ = try await client.createIssueComment(in: demo, issue: 4, body: "x")
      #expect(sleeper.waits == [.seconds(60), .seconds(120)])
      #expect(await fake.comments(repository: "octo/demo", issue: 4).count == 1)
    }
  }

  @Test("the primary limit is waited out until its reset when within the maximum wait")
  func primaryWithinMaxWait() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.primaryRateLimit(status: 403, resetIn: 2), method: "GET"))
      let sleeper = RecordingSleeper()
      let client = try TestClients.client(for: fake, sleeper: sleeper)
      _ = try await client.issueComments(in: demo, issue: 1)
      #expect(sleeper.waits.count == 1)
      let wait = try #require(sleeper.waits.first)
      #expect(wait >= .seconds(1) && wait <= .seconds(4))
    }
  }

  @Test("the primary limit beyond the maximum wait is a clear error, without waiting", arguments: [403, 429])
  func primaryBeyondMaxWait(status: Int) async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.primaryRateLimit(status: status, resetIn: 3_600), method: "GET"))
      let sleeper = RecordingSleeper()
      let client = try TestClients.client(for: fake, sleeper: sleeper, retry: RetryPolicy(maxWait: .seconds(300)))
      let error = await #expect(throws: GitHubError.self) { try await client.issueComments(in: demo, issue: 1) }
      #expect(error?.kind == .rateLimited)
      #expect(sleeper.waits.isEmpty)
      #expect(await fake.requests().count == 1)
      let retryAt = try #require(error?.retryAt)
      #expect(retryAt.timeIntervalSinceNow > 3_000)
      #expect(error?.description.contains("--max-wait") == true)
      #expect(error?.description.contains("API rate limit exceeded") == true)
    }
  }

  @Test("a 403 that is not a rate limit is not retried")
  func forbiddenIsNotRetried() async throws {
    try await FakeGitHub.withServer(FakeGitHub.Configuration(readOnly: true)) { fake in
      let sleeper = RecordingSleeper()
      let client = try TestClients.client(for: fake, sleeper: sleeper)
      let error = await #expect(throws: GitHubError.self) {
        try await client.createCommitStatus(
          in: demo, sha: headSHA, state: .success, context: "covbot", description: nil, targetURL: nil)
      }
      #expect(error?.kind == .readOnlyToken)
      #expect(error?.isReadOnlyToken == true)
      #expect(error?.description.contains("Resource not accessible by integration") == true)
      #expect(error?.description.contains("workflow_run") == true)
      #expect(sleeper.waits.isEmpty)
      #expect(await fake.requests().count == 1)
    }
  }

  @Test("404 is not retried and carries GitHub's message and documentation URL")
  func notFoundSurfaces() async throws {
    try await FakeGitHub.withServer { fake in
      let client = try TestClients.client(for: fake)
      let error = await #expect(throws: GitHubError.self) { try await client.issueComment(424_242, in: demo) }
      #expect(error?.kind == .notFound)
      #expect(error?.status == 404)
      #expect(error?.message == "Not Found")
      #expect(error?.documentationURL == "https://docs.github.com/rest")
      #expect(error?.request == "GET /repos/octo/demo/issues/comments/424242")
      #expect(await fake.requests().count == 1)
    }
  }

  @Test("422 is not retried and carries GitHub's message")
  func validationSurfaces() async throws {
    try await FakeGitHub.withServer { fake in
      let sleeper = RecordingSleeper()
      let client = try TestClients.client(for: fake, sleeper: sleeper)
      let error = await #expect(throws: GitHubError.self) {
        try await client.createCommitStatus(
          in: demo, sha: headSHA, state: .failure, context: "covbot",
          description: String(repeating: "x", count: 141), targetURL: nil)
      }
      #expect(error?.kind == .validation)
      #expect(error?.status == 422)
      #expect(error?.message.contains("description") == true)
      #expect(error?.documentationURL?.contains("statuses") == true)
      #expect(await fake.requests().count == 1)
      #expect(sleeper.waits.isEmpty)
    }
  }

  @Test("a GET whose connection dropped is retried")
  func droppedGetIsRetried() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.dropConnection(afterProcessing: false), method: "GET"))
      let sleeper = RecordingSleeper()
      let client = try TestClients.client(for: fake, sleeper: sleeper)
      _ = try await client.issueComments(in: demo, issue: 1)
      #expect(await fake.requests().count == 2)
      #expect(sleeper.waits.count == 1)
    }
  }

  @Test("a create whose connection dropped is reported as maybe-applied, not repeated")
  func droppedCreateIsOutcomeUnknown() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.dropConnection(afterProcessing: true), method: "POST"))
      let client = try TestClients.client(for: fake)
      let error = await #expect(throws: GitHubError.self) {
        try await client.createIssueComment(in: demo, issue: 1, body: "x")
      }
      #expect(error?.kind == .outcomeUnknown)
      #expect(error?.description.contains("not repeated") == true)
      #expect(await fake.requests().count == 1)
    }
  }

  @Test("an unreachable server is a network error after the bounded attempts")
  func unreachable() async throws {
    let closedURL = try await FakeGitHub.withServer { fake in fake.apiURL }
    let sleeper = RecordingSleeper()
    let configuration = try GitHubClient.Configuration(
      apiURL: closedURL, token: GitHubToken("t0ken-unreachable")!, userAgent: TestClients.userAgent,
      retry: RetryPolicy(maxAttempts: 3))
    let client = GitHubClient(configuration: configuration, sleeper: sleeper.sleeper)
    let error = await #expect(throws: GitHubError.self) { try await client.issueComments(in: demo, issue: 1) }
    #expect(error?.kind == .network)
    #expect(error?.attempts == 3)
    #expect(sleeper.waits.count == 2)
    #expect(error?.description.contains("proxy") == true)
  }

  @Test("cancelling the task aborts a slow transfer")
  func cancellation() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.slowResponse(seconds: 30), method: "GET"))
      let client = try TestClients.client(for: fake, requestTimeout: .seconds(60))
      let outcome = await withTaskGroup(of: Result<[IssueComment], GitHubError>.self) { group in
        group.addTask {
          do throws(GitHubError) {
            return .success(try await client.issueComments(in: demo, issue: 1))
          } catch {
            return .failure(error)
          }
        }
        while await fake.requests().isEmpty { try? await Task.sleep(for: .milliseconds(10)) }
        group.cancelAll()
        return await group.next()
      }
      guard case .failure(let error)? = outcome else {
        Issue.record("expected a cancellation error, got \(String(describing: outcome))")
        return
      }
      #expect(error.kind == .cancelled)
    }
  }

  @Test("mutating requests go one at a time")
  func mutationsAreSerial() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.slowResponse(seconds: 0.3), method: "POST", times: 3))
      let client = try TestClients.client(for: fake)
      try await withThrowingTaskGroup(of: Void.self) { group in
        for index in 0..<3 {
          group.addTask { _ = try await client.createIssueComment(in: demo, issue: 5, body: "c\(index)") }
        }
        group.addTask {
          // While the writes queue up, reads still get through.
          _ = try await client.issueComments(in: demo, issue: 5)
        }
        try await group.waitForAll()
      }
      #expect(await fake.requests().writes.count == 3)
      #expect(await fake.maxConcurrentWrites() == 1)
      #expect(await fake.comments(repository: "octo/demo", issue: 5).count == 3)
    }
  }
}
