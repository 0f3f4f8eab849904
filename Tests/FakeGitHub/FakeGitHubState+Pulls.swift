import Foundation

/// Pull requests.
extension FakeGitHubState {
  func pullJSON(_ pull: FakePullRequest, _ call: FakeCall) -> JSONValue {
    let repository = repository(call.repository)
    let owner = String(call.repository.split(separator: "/").first ?? "")
    func branch(_ name: String, owner: String) -> JSONValue {
      [
        "label": .string("\(owner):\(name)"), "ref": .string(name),
        "sha": .string(repository.refs["refs/heads/\(name)"] ?? ""),
        "repo": [
          "id": 1, "name": .string(String(call.repository.split(separator: "/").last ?? "")),
          "full_name": .string(call.repository),
        ],
        "user": user(login: owner, type: "User", call: call),
      ]
    }
    let url = "\(call.repositoryAPI)/pulls/\(pull.number)"
    return [
      "url": .string(url), "id": .integer(Int64(pull.number) + 500_000), "node_id": .string("PR_\(pull.number)"),
      "html_url": .string("\(call.webBase)/\(call.repository)/pull/\(pull.number)"),
      "number": .integer(Int64(pull.number)),
      "state": .string(pull.state), "locked": false, "title": .string(pull.title),
      "user": botUser(call), "body": pull.body.map(JSONValue.string) ?? .null,
      "created_at": Self.timestamp(pull.createdAt), "updated_at": Self.timestamp(pull.updatedAt),
      "closed_at": pull.state == "closed" ? Self.timestamp(pull.updatedAt) : .null, "merged_at": nil,
      "head": branch(pull.head, owner: pull.headOwner), "base": branch(pull.base, owner: owner),
      "draft": .bool(pull.draft), "merged": false, "maintainer_can_modify": false,
    ]
  }

  func listPulls(_ call: FakeCall) -> FakeReply {
    let state = call.queryValue("state") ?? "open"
    var pulls = repository(call.repository).pulls.values.sorted { $0.number > $1.number }
    if state != "all" { pulls = pulls.filter { $0.state == state } }
    if let head = call.queryValue("head") {
      let parts = head.split(separator: ":", maxSplits: 1).map(String.init)
      if parts.count == 2 {
        pulls = pulls.filter { $0.headOwner.lowercased() == parts[0].lowercased() && $0.head == parts[1] }
      }
    }
    if let base = call.queryValue("base") { pulls = pulls.filter { $0.base == base } }
    return paginated(pulls.map { pullJSON($0, call) }, call)
  }

  func createPull(_ call: FakeCall) -> FakeReply {
    let repository = repository(call.repository)
    let owner = String(call.repository.split(separator: "/").first ?? "")
    let headText = call.body["head"]?.string ?? ""
    let headParts = headText.split(separator: ":", maxSplits: 1).map(String.init)
    let headOwner = headParts.count == 2 ? headParts[0] : owner
    let head = headParts.last ?? ""
    let base = call.body["base"]?.string ?? ""
    guard let title = call.body["title"]?.string else {
      return validationFailed(call.template, [["resource": "Issue", "field": "title", "code": "missing_field"]])
    }
    guard headOwner.lowercased() == owner.lowercased(), let headSHA = repository.refs["refs/heads/\(head)"] else {
      return validationFailed(call.template, [["resource": "PullRequest", "field": "head", "code": "invalid"]])
    }
    guard let baseSHA = repository.refs["refs/heads/\(base)"] else {
      return validationFailed(call.template, [["resource": "PullRequest", "field": "base", "code": "invalid"]])
    }
    if repository.pulls.values.contains(where: { $0.state == "open" && $0.head == head && $0.base == base }) {
      return validationFailed(
        call.template,
        [
          [
            "resource": "PullRequest", "code": "custom",
            "message": .string("A pull request already exists for \(owner):\(head)."),
          ]
        ])
    }
    guard headSHA != baseSHA else {
      return validationFailed(
        call.template,
        [["resource": "PullRequest", "code": "custom", "message": .string("No commits between \(base) and \(head)")]])
    }
    let now = Date()
    let pull = update(call.repository) { repository -> FakePullRequest in
      let pull = FakePullRequest(
        number: repository.nextNumber, title: title, body: call.body["body"]?.string, head: head, headOwner: headOwner,
        base: base, state: "open", draft: call.body["draft"]?.bool ?? false, createdAt: now, updatedAt: now)
      repository.nextNumber += 1
      repository.pulls[pull.number] = pull
      return pull
    }
    let json = pullJSON(pull, call)
    return .json(201, json, headers: [("Location", json["url"]?.string ?? "")])
  }

  func getPull(_ call: FakeCall) -> FakeReply {
    guard let number = Int(call.parameter("pull_number")), let pull = repository(call.repository).pulls[number] else {
      return notFound()
    }
    return .json(200, pullJSON(pull, call))
  }

  /// The diff as GitHub serves it: plain text, or 406 when it is too large to render.
  func getPullDiff(_ call: FakeCall) -> FakeReply {
    guard let number = Int(call.parameter("pull_number")), let diff = repository(call.repository).pullDiffs[number]
    else {
      return notFound()
    }
    guard let diff else {
      return error(
        406, "Sorry, the diff exceeded the maximum number of lines (20000)",
        docs: "https://docs.github.com/rest/pulls/pulls#get-a-pull-request",
        errors: [["resource": "PullRequest", "field": "diff", "code": "too_large"]])
    }
    return FakeReply(status: 200, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data(diff.utf8))
  }

  func updatePull(_ call: FakeCall) -> FakeReply {
    guard let number = Int(call.parameter("pull_number")), var pull = repository(call.repository).pulls[number] else {
      return notFound()
    }
    if let title = call.body["title"]?.string { pull.title = title }
    if let body = call.body["body"]?.string { pull.body = body }
    if let state = call.body["state"]?.string { pull.state = state }
    if let base = call.body["base"]?.string {
      guard repository(call.repository).refs["refs/heads/\(base)"] != nil else {
        return validationFailed(call.template, [["resource": "PullRequest", "field": "base", "code": "invalid"]])
      }
      pull.base = base
    }
    pull.updatedAt = Date()
    update(call.repository) { [pull] in $0.pulls[number] = pull }
    return .json(200, pullJSON(pull, call))
  }
}
