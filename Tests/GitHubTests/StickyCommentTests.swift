import FakeGitHub
import GitHub
import Testing

@Suite("Sticky comment over real HTTP")
struct StickyCommentTests {
  @Test("first publish creates, second updates, unchanged body writes nothing")
  func lifecycle() async throws {
    try await FakeGitHub.withServer { fake in
      let client = try TestClients.client(for: fake)
      let first = try await client.upsertStickyComment(
        in: demo, issue: 7, marker: marker, body: "\(marker)\ncoverage 80.0%")
      guard case .created(let created) = first else {
        Issue.record("expected created, got \(first)")
        return
      }
      let second = try await client.upsertStickyComment(
        in: demo, issue: 7, marker: marker, body: "\(marker)\ncoverage 81.5%")
      guard case .updated(let updated) = second else {
        Issue.record("expected updated, got \(second)")
        return
      }
      #expect(updated.id == created.id)
      await fake.clearRequests()
      let third = try await client.upsertStickyComment(
        in: demo, issue: 7, marker: marker, body: "\(marker)\ncoverage 81.5%")
      guard case .unchanged(let unchanged) = third else {
        Issue.record("expected unchanged, got \(third)")
        return
      }
      #expect(unchanged.id == created.id)
      #expect(await fake.requests().writes.isEmpty)
      let comments = await fake.comments(repository: "octo/demo", issue: 7)
      #expect(comments.map(\.body) == ["\(marker)\ncoverage 81.5%"])
    }
  }

  @Test("the marked comment on page 3 is found and updated, not duplicated")
  func markerOnPageThree() async throws {
    try await FakeGitHub.withServer(FakeGitHub.Configuration(pageSize: 2)) { fake in
      for index in 1...4 { await fake.seedComment(repository: "octo/demo", issue: 3, body: "review \(index)") }
      let ours = await fake.seedComment(
        repository: "octo/demo", issue: 3, body: "\(marker)\nold", author: "github-actions[bot]", authorType: "Bot")
      await fake.seedComment(repository: "octo/demo", issue: 3, body: "later remark")
      let client = try TestClients.client(for: fake)
      let outcome = try await client.upsertStickyComment(in: demo, issue: 3, marker: marker, body: "\(marker)\nnew")
      #expect(outcome == .updated(try #require(outcome.comment)))
      #expect(outcome.comment?.id == ours)
      let requests = await fake.requests()
      #expect(requests.filter { $0.method == "GET" }.map { $0.query["page"] } == [nil, "2", "3"])
      #expect(requests.writes.map(\.method) == ["PATCH"])
      #expect(await fake.comments(repository: "octo/demo", issue: 3).count == 6)
    }
  }

  @Test("a create that timed out after landing is not repeated")
  func timedOutCreateIsNotDuplicated() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.slowResponse(seconds: 60), method: "POST", path: "/comments"))
      let client = try TestClients.client(for: fake, requestTimeout: .seconds(10))
      let outcome = try await client.upsertStickyComment(in: demo, issue: 9, marker: marker, body: "\(marker)\nhi")
      guard case .created = outcome else {
        Issue.record("expected created, got \(outcome)")
        return
      }
      #expect(await fake.comments(repository: "octo/demo", issue: 9).count == 1)
      #expect(await fake.requests().writes.map(\.method) == ["POST"])
    }
  }

  @Test("a create whose connection dropped after landing is not repeated")
  func droppedCreateIsNotDuplicated() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.dropConnection(afterProcessing: true), method: "POST", path: "/comments"))
      let client = try TestClients.client(for: fake)
      _ = try await client.upsertStickyComment(in: demo, issue: 9, marker: marker, body: "\(marker)\nhi")
      #expect(await fake.comments(repository: "octo/demo", issue: 9).count == 1)
      #expect(await fake.requests().writes.count == 1)
    }
  }

  @Test("a create that failed with 502 before landing is re-read, then made once")
  func badGatewayCreateIsRetriedAfterRereading() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.serverError(502), method: "POST", path: "/comments"))
      let client = try TestClients.client(for: fake)
      let outcome = try await client.upsertStickyComment(in: demo, issue: 2, marker: marker, body: "\(marker)\nx")
      guard case .created = outcome else {
        Issue.record("expected created, got \(outcome)")
        return
      }
      let requests = await fake.requests()
      #expect(requests.map(\.method) == ["GET", "POST", "GET", "POST"])
      #expect(await fake.comments(repository: "octo/demo", issue: 2).count == 1)
    }
  }

  @Test("a body without its marker is refused before any request")
  func bodyWithoutMarker() async throws {
    try await FakeGitHub.withServer { fake in
      let client = try TestClients.client(for: fake)
      let error = await #expect(throws: GitHubError.self) {
        try await client.upsertStickyComment(in: demo, issue: 1, marker: marker, body: "no marker")
      }
      #expect(error?.kind == .configuration)
      #expect(await fake.requests().isEmpty)
    }
  }

  @Test("createIfMissing false leaves a pull request without comment alone")
  func noCreateWhenNotAsked() async throws {
    try await FakeGitHub.withServer { fake in
      let client = try TestClients.client(for: fake)
      let outcome = try await client.upsertStickyComment(
        in: demo, issue: 1, marker: marker, body: "\(marker)\nok", createIfMissing: false)
      #expect(outcome == .absent)
      #expect(await fake.requests().writes.isEmpty)
    }
  }
}
