import FakeGitHub
import Foundation
import GitHub
import Testing

/// `proposePullRequest` and `retirePullRequestProposal` against the fake, over real HTTP.
@Suite("Pull request proposal over real HTTP")
struct PullRequestProposalTests {
  static let branch = "covbot/ratchet"
  static let staleMarker = "<!-- covbot:ratchet-stale -->"

  static func proposal(
    floorA: String = "85.0", title: String = "covbot: raise the coverage floor of 2 packages", body: String = "Body"
  ) -> PullRequestProposal {
    PullRequestProposal(
      branch: branch, baseBranch: "main",
      files: [
        .init(path: "svc/pkg/b/.covgate", content: "60.0\n"),
        .init(path: "svc/pkg/a/.covgate", content: "\(floorA)\n# keep this note\n"),
      ],
      commitMessage: "covbot: raise the coverage floor of 2 packages\n", title: title, body: body,
      staleNoteMarker: staleMarker)
  }

  static func seedMain(_ fake: FakeGitHub) async -> String {
    await fake.seedCommit(
      repository: "octo/demo",
      files: ["go.mod": "module example.com/demo\n", "svc/pkg/a/.covgate": "70.0\n# keep this note\n"])
  }

  @Test("the first run: base ref and commit, blobs, tree on base_tree, commit, new branch, new pull request")
  func firstRunSequence() async throws {
    try await FakeGitHub.withServer { fake in
      let main = await Self.seedMain(fake)
      let client = try TestClients.client(for: fake)
      let outcome = try await client.proposePullRequest(Self.proposal(), in: demo)

      let requests = await fake.requests()
      let commit = try #require(await fake.reference(repository: "octo/demo", ref: "refs/heads/covbot/ratchet"))
      #expect(
        requests.map { "\($0.method) \($0.path)" } == [
          "GET /repos/octo/demo/git/ref/heads/main",
          "GET /repos/octo/demo/git/commits/\(main)",
          "POST /repos/octo/demo/git/blobs",
          "POST /repos/octo/demo/git/blobs",
          "POST /repos/octo/demo/git/trees",
          "GET /repos/octo/demo/git/ref/heads/covbot/ratchet",
          "POST /repos/octo/demo/git/commits",
          "POST /repos/octo/demo/git/refs",
          "GET /repos/octo/demo/pulls",
          "POST /repos/octo/demo/pulls",
        ])
      #expect(requests.map(\.status) == [200, 200, 201, 201, 201, 404, 201, 201, 200, 201])
      let tree = try #require(JSONValue.parse(Data(requests[4].body.utf8)))
      #expect(tree["base_tree"]?.string == outcome.base.tree)
      #expect(tree["tree"]?.array?.compactMap { $0["path"]?.string } == ["svc/pkg/a/.covgate", "svc/pkg/b/.covgate"])
      let commitBody = try #require(JSONValue.parse(Data(requests[6].body.utf8)))
      #expect(commitBody["parents"] == [.string(main)])
      #expect(requests[8].query["head"] == "octo:covbot/ratchet")
      #expect(requests[8].query["state"] == "open")

      #expect(outcome.base.commit == main)
      #expect(outcome.commit == commit)
      #expect(outcome.branch == .created)
      #expect(outcome.pullRequestChange == .opened)
      #expect(outcome.pullRequest.head.ref == Self.branch)
      #expect(outcome.pullRequest.base.ref == "main")
      #expect(await fake.commitParents(repository: "octo/demo", commit: commit) == [main])
      let file = await fake.fileContent(repository: "octo/demo", at: commit, path: "svc/pkg/a/.covgate")
      #expect(file == "85.0\n# keep this note\n")
      #expect(await fake.fileContent(repository: "octo/demo", at: commit, path: "svc/pkg/b/.covgate") == "60.0\n")
      #expect(
        await fake.fileContent(repository: "octo/demo", at: commit, path: "go.mod") == "module example.com/demo\n")
      let pulls = await fake.pullRequests(repository: "octo/demo")
      #expect(pulls.map(\.title) == ["covbot: raise the coverage floor of 2 packages"])
      #expect(pulls.first?.body == "Body")
    }
  }

  @Test("a second identical run creates no commit, leaves the branch and the pull request alone")
  func identicalRerun() async throws {
    try await FakeGitHub.withServer { fake in
      _ = await Self.seedMain(fake)
      let client = try TestClients.client(for: fake)
      let first = try await client.proposePullRequest(Self.proposal(), in: demo)
      await fake.clearRequests()
      let second = try await client.proposePullRequest(Self.proposal(), in: demo)
      #expect(second.branch == .unchanged)
      #expect(second.pullRequestChange == .unchanged)
      #expect(second.commit == first.commit)
      #expect(second.pullRequest.number == first.pullRequest.number)
      let requests = await fake.requests()
      #expect(
        requests.map { "\($0.method) \($0.path)" } == [
          "GET /repos/octo/demo/git/ref/heads/main",
          "GET /repos/octo/demo/git/commits/\(first.base.commit)",
          "POST /repos/octo/demo/git/blobs",
          "POST /repos/octo/demo/git/blobs",
          "POST /repos/octo/demo/git/trees",
          "GET /repos/octo/demo/git/ref/heads/covbot/ratchet",
          "GET /repos/octo/demo/git/commits/\(first.commit)",
          "GET /repos/octo/demo/pulls",
          "GET /repos/octo/demo/issues/\(first.pullRequest.number)/comments",
        ])
      #expect(await fake.pullRequests(repository: "octo/demo").count == 1)
    }
  }

  @Test("when main moved, the branch is rebuilt on the new head (forced) and the same pull request is updated")
  func mainMoved() async throws {
    try await FakeGitHub.withServer { fake in
      _ = await Self.seedMain(fake)
      let client = try TestClients.client(for: fake)
      let first = try await client.proposePullRequest(Self.proposal(), in: demo)
      let moved = await fake.seedCommit(repository: "octo/demo", files: ["README.md": "news\n"], message: "news")
      await fake.clearRequests()
      let second = try await client.proposePullRequest(
        Self.proposal(floorA: "86.0", title: "covbot: raise 2 floors", body: "New body"), in: demo)

      #expect(second.base.commit == moved)
      #expect(second.branch == .moved(from: first.commit))
      #expect(second.pullRequestChange == .updated)
      #expect(second.pullRequest.number == first.pullRequest.number)
      let branchHead = await fake.reference(repository: "octo/demo", ref: "refs/heads/covbot/ratchet")
      #expect(branchHead == second.commit)
      #expect(await fake.commitParents(repository: "octo/demo", commit: second.commit) == [moved])
      #expect(await fake.fileContent(repository: "octo/demo", at: second.commit, path: "README.md") == "news\n")
      let floor = await fake.fileContent(repository: "octo/demo", at: second.commit, path: "svc/pkg/a/.covgate")
      #expect(floor == "86.0\n# keep this note\n")

      let writes = await fake.requests().writes
      #expect(
        writes.map { "\($0.method) \($0.path)" } == [
          "POST /repos/octo/demo/git/blobs",
          "POST /repos/octo/demo/git/blobs",
          "POST /repos/octo/demo/git/trees",
          "POST /repos/octo/demo/git/commits",
          "PATCH /repos/octo/demo/git/refs/heads/covbot/ratchet",
          "PATCH /repos/octo/demo/pulls/\(first.pullRequest.number)",
        ])
      #expect(JSONValue.parse(Data(writes[4].body.utf8))?["force"] == .bool(true))
      #expect(JSONValue.parse(Data(writes[2].body.utf8))?["base_tree"]?.string == second.base.tree)
      let pulls = await fake.pullRequests(repository: "octo/demo")
      #expect(pulls.map(\.title) == ["covbot: raise 2 floors"])
      #expect(pulls.map(\.body) == ["New body"])
    }
  }

  @Test("a given base tip skips reading the base, and base_tree is still sent")
  func givenBase() async throws {
    try await FakeGitHub.withServer { fake in
      _ = await Self.seedMain(fake)
      let client = try TestClients.client(for: fake)
      let tip = try await client.requireBranchTip("main", in: demo)
      await fake.clearRequests()
      _ = try await client.proposePullRequest(Self.proposal(), onto: tip, in: demo)
      let requests = await fake.requests()
      #expect(requests.first.map { "\($0.method) \($0.path)" } == "POST /repos/octo/demo/git/blobs")
      let tree = try #require(requests.first { $0.path.hasSuffix("/git/trees") })
      #expect(JSONValue.parse(Data(tree.body.utf8))?["base_tree"]?.string == tip.tree)
    }
  }

  @Test("nothing to raise: the open proposal gets one note, however many runs; a new proposal deletes it")
  func staleNoteOnce() async throws {
    try await FakeGitHub.withServer { fake in
      _ = await Self.seedMain(fake)
      let client = try TestClients.client(for: fake)
      let proposed = try await client.proposePullRequest(Self.proposal(), in: demo)
      let number = proposed.pullRequest.number
      let note = "\(Self.staleMarker)\nNo longer needed."

      let first = try await client.retirePullRequestProposal(
        branch: Self.branch, note: note, marker: Self.staleMarker, close: false, in: demo)
      #expect(first.map(\.action) == [.noted])
      #expect(first.map(\.pullRequest.number) == [number])
      await fake.clearRequests()
      let second = try await client.retirePullRequestProposal(
        branch: Self.branch, note: note, marker: Self.staleMarker, close: false, in: demo)
      #expect(second.map(\.action) == [.alreadyNoted])
      #expect(await fake.requests().writes.isEmpty)
      #expect(await fake.comments(repository: "octo/demo", issue: number).map(\.body) == [note])
      #expect(await fake.pullRequests(repository: "octo/demo").map(\.state) == ["open"])

      // Needed again: the note goes, the pull request is updated in place.
      let again = try await client.proposePullRequest(Self.proposal(floorA: "90.0"), in: demo)
      #expect(again.removedStaleNote)
      #expect(again.pullRequest.number == number)
      #expect(await fake.comments(repository: "octo/demo", issue: number).isEmpty)
    }
  }

  @Test("nothing to raise with close: the note is posted and the pull request closed; without one, nothing")
  func closeStale() async throws {
    try await FakeGitHub.withServer { fake in
      _ = await Self.seedMain(fake)
      let client = try TestClients.client(for: fake)
      let none = try await client.retirePullRequestProposal(
        branch: Self.branch, note: "\(Self.staleMarker)\nx", marker: Self.staleMarker, close: true, in: demo)
      #expect(none.isEmpty)
      #expect(await fake.requests().writes.isEmpty)

      let proposed = try await client.proposePullRequest(Self.proposal(), in: demo)
      await fake.clearRequests()
      let closed = try await client.retirePullRequestProposal(
        branch: Self.branch, note: "\(Self.staleMarker)\nClosing.", marker: Self.staleMarker, close: true, in: demo)
      #expect(closed.map(\.action) == [.closed])
      #expect(closed.first?.pullRequest.state == "closed")
      #expect(
        await fake.requests().map { "\($0.method) \($0.path)" } == [
          "GET /repos/octo/demo/pulls",
          "GET /repos/octo/demo/issues/\(proposed.pullRequest.number)/comments",
          "POST /repos/octo/demo/issues/\(proposed.pullRequest.number)/comments",
          "PATCH /repos/octo/demo/pulls/\(proposed.pullRequest.number)",
        ])
      #expect(await fake.pullRequests(repository: "octo/demo").map(\.state) == ["closed"])
      // The branch stays: the next proposal resets it and opens a new pull request.
      let next = try await client.proposePullRequest(Self.proposal(floorA: "88.0"), in: demo)
      #expect(next.pullRequestChange == .opened)
      #expect(next.pullRequest.number != proposed.pullRequest.number)
    }
  }

  @Test("a 403 on opening the pull request names the Actions setting; the pushed branch is reused next run")
  func actionsMayNotCreatePullRequests() async throws {
    try await FakeGitHub.withServer { fake in
      _ = await Self.seedMain(fake)
      await fake.inject(
        FakeFault(
          .forbidden(message: "GitHub Actions is not permitted to create or approve pull requests."), method: "POST",
          path: "/pulls"))
      let client = try TestClients.client(for: fake)
      let error = await #expect(throws: PullRequestProposalError.self) {
        try await client.proposePullRequest(Self.proposal(), in: demo)
      }
      let branchHead = await fake.reference(repository: "octo/demo", ref: "refs/heads/covbot/ratchet")
      #expect(error?.step == .openPullRequest)
      #expect(error?.isActionsPullRequestCreationDisabled == true)
      #expect(error?.pushedCommit == branchHead)
      let text = error?.description ?? ""
      #expect(text.contains("HTTP 403 GitHub Actions is not permitted to create or approve pull requests."))
      #expect(text.contains("Settings → Actions → General → Workflow permissions"))
      #expect(text.contains("\"Allow GitHub Actions to create and approve pull requests\""))
      #expect(text.contains("--token-env COVBOT_RATCHET_TOKEN"))
      #expect(text.contains("already holds the proposed commit \(branchHead?.prefix(12) ?? "?")"))
      #expect(!text.contains("workflow_run"))
      #expect(await fake.pullRequests(repository: "octo/demo").isEmpty)

      let retry = try await client.proposePullRequest(Self.proposal(), in: demo)
      #expect(retry.branch == .unchanged)
      #expect(retry.pullRequestChange == .opened)
    }
  }

  @Test("a read-only token fails while pushing, and says which permissions the job needs")
  func readOnlyTokenWhilePushing() async throws {
    try await FakeGitHub.withServer(FakeGitHub.Configuration(readOnly: true)) { fake in
      _ = await Self.seedMain(fake)
      let client = try TestClients.client(for: fake)
      let error = await #expect(throws: PullRequestProposalError.self) {
        try await client.proposePullRequest(Self.proposal(), in: demo)
      }
      #expect(error?.step == .pushBranch)
      #expect(error?.underlying.kind == .readOnlyToken)
      #expect(error?.pushedCommit == nil)
      #expect(error?.description.contains("`permissions: contents: write`") == true)
      #expect(error?.description.contains("covbot publish") == false)
      #expect(await fake.requests().writes.count == 1)
    }
  }

  @Test("a missing base branch is named, with the flag to choose another")
  func missingBase() async throws {
    try await FakeGitHub.withServer { fake in
      _ = await Self.seedMain(fake)
      let client = try TestClients.client(for: fake)
      var proposal = Self.proposal()
      proposal.baseBranch = "trunk"
      let error = await #expect(throws: PullRequestProposalError.self) {
        try await client.proposePullRequest(proposal, in: demo)
      }
      #expect(error?.step == .readBase)
      #expect(error?.description.contains("there is no branch \"trunk\" in octo/demo") == true)
      #expect(error?.description.contains("--base-branch") == true)
      #expect(await fake.requests().writes.isEmpty)
    }
  }

  @Test(
    "proposals that could overwrite the base or escape the tree are refused before any request",
    arguments: [
      ("main", "main", "a/.covgate"), ("covbot/ratchet", "main", "../x"), ("covbot/ratchet", "main", "/abs"),
      ("bad name", "main", "a/.covgate"), ("covbot/ratchet", "main", ""),
    ])
  func refusedProposals(branch: String, base: String, path: String) async throws {
    try await FakeGitHub.withServer { fake in
      let client = try TestClients.client(for: fake)
      let proposal = PullRequestProposal(
        branch: branch, baseBranch: base, files: [.init(path: path, content: "1.0\n")], commitMessage: "m",
        title: "t", body: "b")
      let error = await #expect(throws: PullRequestProposalError.self) {
        try await client.proposePullRequest(proposal, in: demo)
      }
      #expect(error?.step == .prepare)
      #expect(error?.underlying.kind == .configuration)
      #expect(await fake.requests().isEmpty)
    }
  }

  @Test("a branch that lost its pull request (merged or closed) is moved and gets a new one")
  func existingBranchWithoutPullRequest() async throws {
    try await FakeGitHub.withServer { fake in
      _ = await Self.seedMain(fake)
      let old = await fake.seedCommit(repository: "octo/demo", branch: Self.branch, files: ["x": "1"])
      let client = try TestClients.client(for: fake)
      let outcome = try await client.proposePullRequest(Self.proposal(), in: demo)
      #expect(outcome.branch == .moved(from: old))
      #expect(outcome.pullRequestChange == .opened)
      #expect(await fake.fileContent(repository: "octo/demo", at: outcome.commit, path: "x") == nil)
    }
  }
}
