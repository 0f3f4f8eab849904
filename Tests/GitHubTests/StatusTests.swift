import FakeGitHub
import GitHub
import Testing

@Suite("Commit statuses over real HTTP")
struct StatusTests {
  @Test("a long description is cut to 140 characters and accepted", arguments: [139, 140, 141, 500])
  func truncation(length: Int) async throws {
    try await FakeGitHub.withServer { fake in
      let client = try TestClients.client(for: fake)
      let description = String(repeating: "ü", count: length)
      let status = try await client.setCommitStatus(
        in: demo, sha: headSHA, state: .failure, context: "covbot/unit", description: description,
        targetURL: "https://github.com/octo/demo/actions/runs/1")
      let stored = try #require(await fake.statuses(repository: "octo/demo").first)
      #expect(stored.description == status.description)
      #expect((stored.description?.count ?? 0) == min(length, 140))
      #expect(stored.description?.hasSuffix("…") == (length > 140))
      #expect(stored.state == "failure")
      #expect(stored.context == "covbot/unit")
      #expect(stored.sha == headSHA)
    }
  }

  @Test("a commit status is safe to repeat after a 502")
  func retriedAfterBadGateway() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.serverError(502), method: "POST"))
      let client = try TestClients.client(for: fake)
      _ = try await client.setCommitStatus(
        in: demo, sha: headSHA, state: .success, context: "covbot", description: "ok")
      #expect(await fake.requests().map(\.status) == [502, 201])
    }
  }
}
