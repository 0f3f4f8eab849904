import Foundation

/// Blobs, trees, commits and references, with Git-style content-addressed ids.
extension FakeGitHubState {
  static func blobSHA(_ data: Data) -> String {
    SHA1.hex(Data("blob \(data.count)\u{0}".utf8) + data)
  }

  /// The id of a flat tree: a hash of its sorted entries (not Git's binary format, but content-addressed).
  static func treeSHA(_ entries: [String: FakeTreeEntry]) -> String {
    let lines = entries.keys.sorted().map { path in
      let entry = entries[path]!
      return "\(entry.mode) \(entry.type) \(entry.sha)\t\(path)"
    }
    return SHA1.hex("tree\n" + lines.joined(separator: "\n"))
  }

  static func commitSHA(
    tree: String, parents: [String], message: String, author: JSONValue, committer: JSONValue
  )
    -> String
  {
    let text =
      "tree \(tree)\n" + parents.map { "parent \($0)\n" }.joined()
      + "author \(String(decoding: author.encoded(), as: UTF8.self))\n"
      + "committer \(String(decoding: committer.encoded(), as: UTF8.self))\n\n\(message)"
    return SHA1.hex(text)
  }

  /// The top-level entries of a flat tree, with sub-directories as `tree` entries.
  func topLevel(_ entries: [String: FakeTreeEntry], _ call: FakeCall) -> [JSONValue] {
    var files: [JSONValue] = []
    var directories: [String: [String: FakeTreeEntry]] = [:]
    for (path, entry) in entries {
      if let slash = path.firstIndex(of: "/") {
        directories[String(path[..<slash]), default: [:]][String(path[path.index(after: slash)...])] = entry
      } else {
        files.append([
          "path": .string(path), "mode": .string(entry.mode), "type": .string(entry.type), "sha": .string(entry.sha),
          "size": .integer(Int64(repository(call.repository).blobs[entry.sha]?.count ?? 0)),
          "url": .string("\(call.repositoryAPI)/git/blobs/\(entry.sha)"),
        ])
      }
    }
    for (name, children) in directories {
      let sha = Self.treeSHA(children)
      files.append([
        "path": .string(name), "mode": "040000", "type": "tree", "sha": .string(sha),
        "url": .string("\(call.repositoryAPI)/git/trees/\(sha)"),
      ])
    }
    return files.sorted { ($0["path"]?.string ?? "") < ($1["path"]?.string ?? "") }
  }

  func createBlob(_ call: FakeCall) -> FakeReply {
    let content = call.body["content"]?.string ?? ""
    let data: Data
    switch call.body["encoding"]?.string ?? "utf-8" {
    case "utf-8", "utf8": data = Data(content.utf8)
    case "base64":
      guard let decoded = Data(base64Encoded: content.filter { !$0.isWhitespace }) else {
        return unprocessable(call.template, "content is not valid Base64")
      }
      data = decoded
    case let other:
      return unprocessable(call.template, "encoding must be utf-8 or base64, not \(other)")
    }
    let sha = Self.blobSHA(data)
    update(call.repository) { $0.blobs[sha] = data }
    let url = "\(call.repositoryAPI)/git/blobs/\(sha)"
    return .json(201, ["url": .string(url), "sha": .string(sha)], headers: [("Location", url)])
  }

  func createTree(_ call: FakeCall) -> FakeReply {
    let repository = repository(call.repository)
    var entries: [String: FakeTreeEntry] = [:]
    if let base = call.body["base_tree"]?.string {
      guard let baseEntries = repository.trees[base] else {
        return unprocessable(call.template, "base_tree \(base) is not a valid tree oid")
      }
      entries = baseEntries
    }
    var newBlobs: [String: Data] = [:]
    for (index, item) in (call.body["tree"]?.array ?? []).enumerated() {
      guard let path = item["path"]?.string, !path.isEmpty, !path.hasPrefix("/"), !path.hasSuffix("/") else {
        return unprocessable(call.template, "tree.\(index).path must be a relative file path")
      }
      guard let mode = item["mode"]?.string, let type = item["type"]?.string else {
        return validationFailed(
          call.template, [["resource": "Tree", "field": .string("tree.\(index)"), "code": "missing_field"]])
      }
      let shaValue = item.object?["sha"]
      let content = item["content"]?.string
      if content != nil && shaValue != nil && shaValue != .null {
        return unprocessable(call.template, "Must supply either tree.sha or tree.content, not both (tree.\(index))")
      }
      if let content {
        let data = Data(content.utf8)
        let sha = Self.blobSHA(data)
        newBlobs[sha] = data
        entries[path] = FakeTreeEntry(mode: mode, type: "blob", sha: sha)
      } else if let sha = shaValue?.string {
        switch type {
        case "blob":
          guard repository.blobs[sha] != nil || newBlobs[sha] != nil else {
            return unprocessable(call.template, "tree.sha \(sha) is not a valid blob")
          }
          entries[path] = FakeTreeEntry(mode: mode, type: type, sha: sha)
        case "tree":
          guard let subtree = repository.trees[sha] else {
            return unprocessable(call.template, "tree.sha \(sha) is not a valid tree")
          }
          entries = entries.filter { !$0.key.hasPrefix(path + "/") }
          for (child, entry) in subtree { entries["\(path)/\(child)"] = entry }
        default:
          entries[path] = FakeTreeEntry(mode: mode, type: type, sha: sha)
        }
      } else if shaValue == .null {
        entries[path] = nil
        entries = entries.filter { !$0.key.hasPrefix(path + "/") }
      } else {
        return unprocessable(call.template, "Must supply either tree.sha or tree.content (tree.\(index))")
      }
    }
    let sha = Self.treeSHA(entries)
    update(call.repository) { [entries, newBlobs] in
      $0.trees[sha] = entries
      $0.blobs.merge(newBlobs) { old, _ in old }
    }
    let url = "\(call.repositoryAPI)/git/trees/\(sha)"
    return .json(
      201, ["sha": .string(sha), "url": .string(url), "tree": .array(topLevel(entries, call)), "truncated": false],
      headers: [("Location", url)])
  }

  func commitJSON(_ commit: FakeCommit, _ call: FakeCall) -> JSONValue {
    [
      "sha": .string(commit.sha), "node_id": .string("C_\(commit.sha.prefix(12))"),
      "url": .string("\(call.repositoryAPI)/git/commits/\(commit.sha)"),
      "html_url": .string("\(call.webBase)/\(call.repository)/commit/\(commit.sha)"), "author": commit.author,
      "committer": commit.committer, "message": .string(commit.message),
      "tree": ["sha": .string(commit.tree), "url": .string("\(call.repositoryAPI)/git/trees/\(commit.tree)")],
      "parents": .array(
        commit.parents.map {
          [
            "sha": .string($0), "url": .string("\(call.repositoryAPI)/git/commits/\($0)"),
            "html_url": .string("\(call.webBase)/\(call.repository)/commit/\($0)"),
          ]
        }),
      "verification": ["verified": false, "reason": "unsigned", "signature": nil, "payload": nil, "verified_at": nil],
    ]
  }

  func createCommit(_ call: FakeCall) -> FakeReply {
    let repository = repository(call.repository)
    let tree = call.body["tree"]?.string ?? ""
    guard repository.trees[tree] != nil else { return unprocessable(call.template, "Tree SHA does not exist") }
    let parents = call.body["parents"]?.array?.compactMap(\.string) ?? []
    for parent in parents where repository.commits[parent] == nil {
      return unprocessable(call.template, "Parent SHA does not exist or is not a commit object")
    }
    let now = Self.timestamp(Date())
    var author: JSONValue =
      call.body["author"] ?? ["name": .string(configuration.botLogin), "email": "bot@example.com"]
    if case .object(var fields) = author, fields["date"] == nil {
      fields["date"] = now
      author = .object(fields)
    }
    var committer = call.body["committer"] ?? author
    if case .object(var fields) = committer, fields["date"] == nil {
      fields["date"] = now
      committer = .object(fields)
    }
    let message = call.body["message"]?.string ?? ""
    let sha = Self.commitSHA(tree: tree, parents: parents, message: message, author: author, committer: committer)
    let commit = FakeCommit(
      sha: sha, tree: tree, parents: parents, message: message, author: author, committer: committer)
    update(call.repository) { $0.commits[sha] = commit }
    let json = commitJSON(commit, call)
    return .json(201, json, headers: [("Location", json["url"]?.string ?? "")])
  }

  func getCommit(_ call: FakeCall) -> FakeReply {
    guard let commit = repository(call.repository).commits[call.parameter("commit_sha")] else { return notFound() }
    return .json(200, commitJSON(commit, call))
  }

  func referenceJSON(_ name: String, sha: String, _ call: FakeCall) -> JSONValue {
    [
      "ref": .string(name), "node_id": .string("REF_\(name)"),
      "url": .string("\(call.repositoryAPI)/git/\(name)"),
      "object": [
        "sha": .string(sha), "type": "commit", "url": .string("\(call.repositoryAPI)/git/commits/\(sha)"),
      ],
    ]
  }

  func getReference(_ call: FakeCall) -> FakeReply {
    let name = "refs/" + call.parameter("ref")
    guard let sha = repository(call.repository).refs[name] else { return notFound() }
    return .json(200, referenceJSON(name, sha: sha, call))
  }

  func createReference(_ call: FakeCall) -> FakeReply {
    let name = call.body["ref"]?.string ?? ""
    let sha = call.body["sha"]?.string ?? ""
    guard name.hasPrefix("refs/"), name.split(separator: "/").count >= 3, !name.hasSuffix("/") else {
      return unprocessable(call.template, "Reference name is not well-formed (it must start with refs/ and have two /)")
    }
    let repository = repository(call.repository)
    guard repository.commits[sha] != nil else { return unprocessable(call.template, "Object does not exist") }
    guard repository.refs[name] == nil else { return unprocessable(call.template, "Reference already exists") }
    update(call.repository) { $0.refs[name] = sha }
    let json = referenceJSON(name, sha: sha, call)
    return .json(201, json, headers: [("Location", json["url"]?.string ?? "")])
  }

  func updateReference(_ call: FakeCall) -> FakeReply {
    let name = "refs/" + call.parameter("ref")
    let sha = call.body["sha"]?.string ?? ""
    let repository = repository(call.repository)
    guard let current = repository.refs[name] else { return unprocessable(call.template, "Reference does not exist") }
    guard repository.commits[sha] != nil else { return unprocessable(call.template, "Object does not exist") }
    if call.body["force"]?.bool != true && !isAncestor(current, of: sha, in: repository) {
      return unprocessable(call.template, "Update is not a fast forward")
    }
    update(call.repository) { $0.refs[name] = sha }
    return .json(200, referenceJSON(name, sha: sha, call))
  }

  func deleteReference(_ call: FakeCall) -> FakeReply {
    let name = "refs/" + call.parameter("ref")
    guard repository(call.repository).refs[name] != nil else {
      return unprocessable(call.template, "Reference does not exist")
    }
    update(call.repository) { $0.refs[name] = nil }
    return .noContent()
  }

  func isAncestor(_ ancestor: String, of descendant: String, in repository: FakeRepository) -> Bool {
    var pending = [descendant]
    var seen: Set<String> = []
    while let sha = pending.popLast() {
      if sha == ancestor { return true }
      guard seen.insert(sha).inserted, let commit = repository.commits[sha] else { continue }
      pending += commit.parents
    }
    return false
  }

  /// Resolves a branch name or commit SHA to a commit.
  func resolve(_ ref: String, in repository: FakeRepository) -> FakeCommit? {
    if let sha = repository.refs["refs/heads/\(ref)"] ?? repository.refs["refs/\(ref)"] {
      return repository.commits[sha]
    }
    return repository.commits[ref]
  }

  func getContents(_ call: FakeCall) -> FakeReply {
    let repository = repository(call.repository)
    guard let commit = resolve(call.queryValue("ref") ?? configuration.defaultBranch, in: repository),
      let tree = repository.trees[commit.tree]
    else { return notFound() }
    let path = call.parameter("path")
    guard let entry = tree[path], let data = repository.blobs[entry.sha] else { return notFound() }
    let encoded = data.base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
    return .json(
      200,
      [
        "type": "file", "encoding": "base64", "size": .integer(Int64(data.count)),
        "name": .string(String(path.split(separator: "/").last ?? "")), "path": .string(path),
        "content": .string(encoded + "\n"), "sha": .string(entry.sha),
        "url": .string("\(call.repositoryAPI)/contents/\(path)"),
        "git_url": .string("\(call.repositoryAPI)/git/blobs/\(entry.sha)"),
        "html_url": .string("\(call.webBase)/\(call.repository)/blob/\(commit.sha)/\(path)"),
        "download_url": nil,
      ])
  }
}
