import FakeGitHub
import GitHub
import Testing

@Suite("Check runs over real HTTP")
struct CheckRunTests {
  static func annotations(_ count: Int) -> [CheckAnnotation] {
    (0..<count).map { index in
      CheckAnnotation(
        path: "pkg/p\(index)/file.go", startLine: 1, endLine: 1, level: index.isMultiple(of: 2) ? .failure : .warning,
        message: "coverage below floor (\(index))", title: "covbot")
    }
  }

  @Test("annotations go 50 per request", arguments: [(0, 1), (50, 1), (51, 2), (120, 3)])
  func batches(count: Int, requests: Int) async throws {
    try await FakeGitHub.withServer { fake in
      let client = try TestClients.client(for: fake)
      let outcome = try await client.publishCheckRun(
        CheckRunPublication(
          name: "covbot", headSHA: headSHA, conclusion: .failure, title: "FAIL", summary: "## Summary",
          annotations: Self.annotations(count), detailsURL: "https://github.com/octo/demo/actions/runs/1"),
        in: demo)
      #expect(outcome.requests == requests)
      #expect(outcome.checkRun.output.annotationsCount == count)
      let writes = await fake.requests().writes
      #expect(writes.map(\.method) == ["POST"] + Array(repeating: "PATCH", count: requests - 1))
      let runs = await fake.checkRuns(repository: "octo/demo")
      #expect(runs.count == 1)
      let run = try #require(runs.first)
      #expect(run.conclusion == "failure")
      #expect(run.status == "completed")
      #expect(run.summary == "## Summary")
      #expect(run.annotations.compactMap { $0["message"]?.string } == Self.annotations(count).map(\.message))
    }
  }

  @Test("a summary over 65,535 characters is truncated with a note and accepted")
  func longSummary() async throws {
    try await FakeGitHub.withServer { fake in
      let client = try TestClients.client(for: fake)
      let summary = String(repeating: "🟥 package below floor\n", count: 4_000)
      let outcome = try await client.publishCheckRun(
        CheckRunPublication(name: "covbot", headSHA: headSHA, conclusion: .failure, title: "FAIL", summary: summary),
        in: demo)
      #expect(outcome.truncated)
      let stored = try #require(await fake.checkRuns(repository: "octo/demo").first?.summary)
      #expect(stored.utf16.count <= 65_535)
      #expect(stored.hasSuffix("the job summary has the full report)"))
    }
  }

  @Test("a create that timed out after landing is found again by its external id")
  func timedOutCreate() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.slowResponse(seconds: 60), method: "POST", path: "/check-runs"))
      let client = try TestClients.client(for: fake, requestTimeout: .seconds(10))
      let outcome = try await client.publishCheckRun(
        CheckRunPublication(
          name: "covbot", headSHA: headSHA, conclusion: .success, title: "PASS", summary: "ok",
          annotations: Self.annotations(60)),
        in: demo)
      #expect(await fake.checkRuns(repository: "octo/demo").count == 1)
      #expect(outcome.checkRun.output.annotationsCount == 60)
      #expect(await fake.requests().writes.map(\.method) == ["POST", "PATCH"])
    }
  }

  @Test("an annotation update that dropped after landing is not appended twice")
  func droppedUpdate() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.dropConnection(afterProcessing: true), method: "PATCH"))
      let client = try TestClients.client(for: fake)
      let outcome = try await client.publishCheckRun(
        CheckRunPublication(
          name: "covbot", headSHA: headSHA, conclusion: .failure, title: "FAIL", summary: "s",
          annotations: Self.annotations(120)),
        in: demo)
      #expect(outcome.checkRun.output.annotationsCount == 120)
      #expect(await fake.checkRuns(repository: "octo/demo").first?.annotations.count == 120)
    }
  }

  @Test("an annotation update that failed before landing is sent again")
  func failedUpdateIsResent() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.serverError(502), method: "PATCH"))
      let client = try TestClients.client(for: fake)
      let outcome = try await client.publishCheckRun(
        CheckRunPublication(
          name: "covbot", headSHA: headSHA, conclusion: .failure, title: "FAIL", summary: "s",
          annotations: Self.annotations(70)),
        in: demo)
      #expect(outcome.checkRun.output.annotationsCount == 70)
      #expect(await fake.requests().writes.map(\.method) == ["POST", "PATCH", "PATCH"])
    }
  }

  @Test("get and list check runs")
  func readBack() async throws {
    try await FakeGitHub.withServer { fake in
      let client = try TestClients.client(for: fake)
      let created = try await client.createCheckRun(
        in: demo,
        CheckRunRequest(
          name: "covbot", headSHA: headSHA, externalID: "ext-1", status: .inProgress,
          output: CheckRunRequest.Output(title: "running", summary: "…")))
      #expect(created.status == .inProgress)
      let fetched = try await client.checkRun(created.id, in: demo)
      #expect(fetched.externalID == "ext-1")
      let completed = try await client.updateCheckRun(created.id, in: demo, CheckRunRequest(conclusion: .neutral))
      #expect(completed.status == .completed)
      #expect(completed.conclusion == .neutral)
      let listed = try await client.checkRuns(in: demo, ref: headSHA, checkName: "covbot")
      #expect(listed.map(\.id) == [created.id])
    }
  }

  @Test("a create without head SHA is rejected by the schema")
  func schemaRejectsMissingField() async throws {
    try await FakeGitHub.withServer { fake in
      let client = try TestClients.client(for: fake)
      let error = await #expect(throws: GitHubError.self) {
        try await client.createCheckRun(in: demo, CheckRunRequest(name: "covbot", externalID: "e"))
      }
      #expect(error?.kind == .validation)
      #expect(error?.message.contains("\"head_sha\" wasn't supplied") == true)
    }
  }
}
