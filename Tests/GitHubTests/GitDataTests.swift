import FakeGitHub
import Foundation
import GitHub
import Testing

@Suite("Git data and pull requests over real HTTP")
struct GitDataTests {
  @Test("blob, tree on a base tree, commit, branch, fast-forward, pull request: a ratchet round trip")
  func ratchetRoundTrip() async throws {
    try await FakeGitHub.withServer { fake in
      let base = await fake.seedCommit(
        repository: "octo/demo", files: ["go.mod": "module example.com/demo\n", "pkg/a/.covgate": "70.0\n"])
      let client = try TestClients.client(for: fake)

      let main = try #require(try await client.reference("heads/main", in: demo))
      #expect(main.ref == "refs/heads/main")
      #expect(main.object.sha == base)
      let baseCommit = try await client.commit(base, in: demo)

      let blob = try await client.createBlob(Data("81.5\n".utf8), in: demo)
      let tree = try await client.createTree(
        [.blob("pkg/a/.covgate", sha: blob.sha), .file("pkg/b/.covgate", content: "64.0\n")],
        baseTree: baseCommit.tree.sha, in: demo)
      #expect(tree.tree.map(\.path) == ["go.mod", "pkg"])
      let commit = try await client.createCommit(
        message: "covbot: raise coverage floors", tree: tree.sha, parents: [base],
        author: GitSignature(name: "covbot", email: "covbot@example.com"), in: demo)
      #expect(commit.parents.map(\.sha) == [base])
      #expect(commit.tree.sha == tree.sha)

      #expect(try await client.reference("heads/covbot/ratchet", in: demo) == nil)
      let branch = try await client.createReference("refs/heads/covbot/ratchet", sha: commit.sha, in: demo)
      #expect(branch.object.sha == commit.sha)
      #expect(await fake.fileContent(repository: "octo/demo", at: "covbot/ratchet", path: "pkg/a/.covgate") == "81.5\n")
      #expect(await fake.fileContent(repository: "octo/demo", at: "covbot/ratchet", path: "go.mod") != nil)

      let pull = try await client.createPullRequest(
        in: demo, title: "covbot: raise floors", head: "covbot/ratchet", base: "main", body: "Floors lag coverage.")
      #expect(pull.head.ref == "covbot/ratchet")
      #expect(pull.head.sha == commit.sha)
      #expect(pull.base.ref == "main")

      // Next run: a new commit on top, the branch fast-forwarded, the pull request edited in place.
      let tree2 = try await client.createTree(
        [.file("pkg/a/.covgate", content: "82.0\n")], baseTree: tree.sha, in: demo)
      let commit2 = try await client.createCommit(
        message: "covbot: raise coverage floors", tree: tree2.sha, parents: [commit.sha], in: demo)
      let moved = try await client.updateReference("heads/covbot/ratchet", sha: commit2.sha, in: demo)
      #expect(moved.object.sha == commit2.sha)
      let open = try await client.pullRequests(in: demo, state: .open, head: "octo:covbot/ratchet")
      #expect(open.map(\.number) == [pull.number])
      let edited = try await client.updatePullRequest(pull.number, in: demo, title: "covbot: raise 2 floors")
      #expect(edited.title == "covbot: raise 2 floors")
      #expect(await fake.pullRequests(repository: "octo/demo").count == 1)

      let file = try #require(try await client.file("pkg/a/.covgate", ref: "covbot/ratchet", in: demo))
      #expect(file.text == "82.0\n")
      #expect(try await client.file("missing", ref: "main", in: demo) == nil)

      let closed = try await client.updatePullRequest(pull.number, in: demo, state: .closed)
      #expect(closed.state == "closed")
      try await client.deleteReference("heads/covbot/ratchet", in: demo)
      #expect(await fake.reference(repository: "octo/demo", ref: "refs/heads/covbot/ratchet") == nil)
    }
  }

  @Test("a non-fast-forward update is refused unless forced")
  func fastForwardOnly() async throws {
    try await FakeGitHub.withServer { fake in
      let first = await fake.seedCommit(repository: "octo/demo", files: ["a": "1"])
      let client = try TestClients.client(for: fake)
      let base = try await client.commit(first, in: demo)
      let sideTree = try await client.createTree([.file("b", content: "2")], baseTree: base.tree.sha, in: demo)
      let side = try await client.createCommit(message: "side", tree: sideTree.sha, parents: [], in: demo)
      let error = await #expect(throws: GitHubError.self) {
        try await client.updateReference("heads/main", sha: side.sha, in: demo)
      }
      #expect(error?.kind == .validation)
      #expect(error?.message == "Update is not a fast forward")
      let forced = try await client.updateReference("heads/main", sha: side.sha, force: true, in: demo)
      #expect(forced.object.sha == side.sha)
    }
  }

  @Test("creating a branch that exists is a validation error naming it")
  func branchExists() async throws {
    try await FakeGitHub.withServer { fake in
      let sha = await fake.seedCommit(repository: "octo/demo", files: ["a": "1"])
      let client = try TestClients.client(for: fake)
      let error = await #expect(throws: GitHubError.self) {
        try await client.createReference("refs/heads/main", sha: sha, in: demo)
      }
      #expect(error?.kind == .validation)
      #expect(error?.message == "Reference already exists")
    }
  }

  @Test("a branch create that timed out after landing is confirmed by re-reading it")
  func timedOutReferenceCreate() async throws {
    try await FakeGitHub.withServer { fake in
      let sha = await fake.seedCommit(repository: "octo/demo", files: ["a": "1"])
      await fake.inject(FakeFault(.slowResponse(seconds: 60), method: "POST", path: "/git/refs"))
      let client = try TestClients.client(for: fake, requestTimeout: .seconds(10))
      let reference = try await client.createReference("refs/heads/covbot/ratchet", sha: sha, in: demo)
      #expect(reference.object.sha == sha)
      #expect(await fake.requests().writes.count == 1)
    }
  }

  @Test("a pull request create that timed out after landing is found, not opened twice")
  func timedOutPullRequest() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.seedCommit(repository: "octo/demo", files: ["a": "1"])
      await fake.seedCommit(repository: "octo/demo", branch: "covbot/ratchet", files: ["a": "2"])
      await fake.inject(FakeFault(.slowResponse(seconds: 60), method: "POST", path: "/pulls"))
      let client = try TestClients.client(for: fake, requestTimeout: .seconds(10))
      let pull = try await client.createPullRequest(in: demo, title: "t", head: "covbot/ratchet", base: "main")
      #expect(pull.number == 1)
      #expect(await fake.pullRequests(repository: "octo/demo").count == 1)
      #expect(await fake.requests().writes.count == 1)
    }
  }

  @Test("a second pull request for the same branch is refused with GitHub's reason")
  func duplicatePullRequest() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.seedCommit(repository: "octo/demo", files: ["a": "1"])
      await fake.seedCommit(repository: "octo/demo", branch: "topic", files: ["a": "2"])
      let client = try TestClients.client(for: fake)
      _ = try await client.createPullRequest(in: demo, title: "t", head: "topic", base: "main")
      let error = await #expect(throws: GitHubError.self) {
        try await client.createPullRequest(in: demo, title: "t", head: "topic", base: "main")
      }
      #expect(error?.kind == .validation)
      #expect(error?.details == ["A pull request already exists for octo:topic."])
      #expect(error?.description.contains("A pull request already exists") == true)
    }
  }

  @Test("a commit on an unknown tree is refused")
  func unknownTree() async throws {
    try await FakeGitHub.withServer { fake in
      let client = try TestClients.client(for: fake)
      let error = await #expect(throws: GitHubError.self) {
        try await client.createCommit(message: "m", tree: String(repeating: "0", count: 40), parents: [], in: demo)
      }
      #expect(error?.message == "Tree SHA does not exist")
    }
  }
}
