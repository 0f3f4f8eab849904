import Foundation

/// Comments and commit statuses.
extension FakeGitHubState {
  func commentJSON(_ comment: FakeComment, _ call: FakeCall) -> JSONValue {
    [
      "id": .integer(comment.id), "node_id": .string("IC_\(comment.id)"),
      "url": .string("\(call.repositoryAPI)/issues/comments/\(comment.id)"),
      "html_url": .string("\(call.webBase)/\(call.repository)/pull/\(comment.issue)#issuecomment-\(comment.id)"),
      "issue_url": .string("\(call.repositoryAPI)/issues/\(comment.issue)"), "body": .string(comment.body),
      "user": user(login: comment.author, type: comment.authorType, call: call),
      "created_at": Self.timestamp(comment.createdAt), "updated_at": Self.timestamp(comment.updatedAt),
      "author_association": comment.authorType == "Bot" ? "NONE" : "MEMBER",
    ]
  }

  func listComments(_ call: FakeCall) -> FakeReply {
    let issue = Int(call.parameter("issue_number")) ?? 0
    let comments = repository(call.repository).comments.values.filter { $0.issue == issue }.sorted { $0.id < $1.id }
    return paginated(comments.map { commentJSON($0, call) }, call)
  }

  func createComment(_ call: FakeCall) -> FakeReply {
    let issue = Int(call.parameter("issue_number")) ?? 0
    let now = Date()
    let comment = FakeComment(
      id: makeID(), issue: issue, body: call.body["body"]?.string ?? "", author: configuration.botLogin,
      authorType: "Bot", createdAt: now, updatedAt: now)
    update(call.repository) { $0.comments[comment.id] = comment }
    let json = commentJSON(comment, call)
    return .json(201, json, headers: [("Location", json["url"]?.string ?? "")])
  }

  func getComment(_ call: FakeCall) -> FakeReply {
    guard let id = Int64(call.parameter("comment_id")), let comment = repository(call.repository).comments[id] else {
      return notFound()
    }
    return .json(200, commentJSON(comment, call))
  }

  func updateComment(_ call: FakeCall) -> FakeReply {
    guard let id = Int64(call.parameter("comment_id")), var comment = repository(call.repository).comments[id] else {
      return notFound()
    }
    comment.body = call.body["body"]?.string ?? comment.body
    comment.updatedAt = Date()
    update(call.repository) { [comment] in $0.comments[id] = comment }
    return .json(200, commentJSON(comment, call))
  }

  func deleteComment(_ call: FakeCall) -> FakeReply {
    guard let id = Int64(call.parameter("comment_id")), repository(call.repository).comments[id] != nil else {
      return notFound()
    }
    update(call.repository) { $0.comments[id] = nil }
    return .noContent()
  }

  func createStatus(_ call: FakeCall) -> FakeReply {
    let sha = call.parameter("sha")
    guard Self.isSHA(sha) else { return unprocessable(call.template, "No commit found for SHA: \(sha)") }
    let status = FakeStatus(
      id: makeID(), sha: sha, state: call.body["state"]?.string ?? "",
      context: call.body["context"]?.string ?? "default",
      description: call.body["description"]?.string, targetURL: call.body["target_url"]?.string)
    update(call.repository) { $0.statuses.append(status) }
    let now = Self.timestamp(Date())
    let json: JSONValue = [
      "url": .string("\(call.repositoryAPI)/statuses/\(sha)"), "avatar_url": nil, "id": .integer(status.id),
      "node_id": .string("SC_\(status.id)"), "state": .string(status.state),
      "description": status.description.map(JSONValue.string) ?? .null,
      "target_url": status.targetURL.map(JSONValue.string) ?? .null, "context": .string(status.context),
      "created_at": now, "updated_at": now, "creator": botUser(call),
    ]
    return .json(201, json, headers: [("Location", "\(call.repositoryAPI)/statuses/\(sha)")])
  }
}
