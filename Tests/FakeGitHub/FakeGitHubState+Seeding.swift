import Foundation

/// Setting up and inspecting state from tests.
extension FakeGitHubState {
  func addFault(_ fault: FakeFault) { faults.append(fault) }

  func setReadOnly(_ value: Bool) { readOnly = value }

  func clearLog() { log.removeAll() }

  func seedComment(repository name: String, issue: Int, body: String, author: String, authorType: String) -> Int64 {
    let now = Date()
    let comment = FakeComment(
      id: makeID(), issue: issue, body: body, author: author, authorType: authorType, createdAt: now, updatedAt: now)
    update(name) { $0.comments[comment.id] = comment }
    return comment.id
  }

  func seedPullRequestDiff(repository name: String, number: Int, diff: String?) {
    update(name) { $0.pullDiffs[number] = .some(diff) }
  }

  func seedCommit(repository name: String, branch: String, files: [String: String], message: String) -> String {
    update(name) { repository -> String in
      let parent = repository.refs["refs/heads/\(branch)"]
      var entries = parent.flatMap { repository.commits[$0] }.flatMap { repository.trees[$0.tree] } ?? [:]
      for (path, content) in files {
        let data = Data(content.utf8)
        let sha = Self.blobSHA(data)
        repository.blobs[sha] = data
        entries[path] = FakeTreeEntry(mode: "100644", type: "blob", sha: sha)
      }
      let tree = Self.treeSHA(entries)
      repository.trees[tree] = entries
      let signature: JSONValue = ["name": "Seed", "email": "seed@example.com", "date": "2025-01-01T00:00:00Z"]
      let parents = parent.map { [$0] } ?? []
      let sha = Self.commitSHA(tree: tree, parents: parents, message: message, author: signature, committer: signature)
      repository.commits[sha] = FakeCommit(
        sha: sha, tree: tree, parents: parents, message: message, author: signature, committer: signature)
      repository.refs["refs/heads/\(branch)"] = sha
      return sha
    }
  }

  func comments(repository name: String, issue: Int) -> [FakeComment] {
    repository(name).comments.values.filter { $0.issue == issue }.sorted { $0.id < $1.id }
  }

  func statuses(repository name: String) -> [FakeStatus] { repository(name).statuses }

  func checkRuns(repository name: String) -> [FakeCheckRun] {
    repository(name).checkRuns.values.sorted { $0.id < $1.id }
  }

  func pullRequests(repository name: String) -> [FakePullRequest] {
    repository(name).pulls.values.sorted { $0.number < $1.number }
  }

  func referenceTarget(repository name: String, ref: String) -> String? { repository(name).refs[ref] }

  func fileContent(repository name: String, commit: String, path: String) -> String? {
    let repository = repository(name)
    guard let commit = resolve(commit, in: repository), let entry = repository.trees[commit.tree]?[path],
      let data = repository.blobs[entry.sha]
    else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  func commitParents(repository name: String, commit: String) -> [String]? {
    repository(name).commits[commit]?.parents
  }
}
