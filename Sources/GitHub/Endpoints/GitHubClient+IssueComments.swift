import Foundation

/// Issue and pull-request comments (`/repos/{owner}/{repo}/issues/…/comments`).
extension GitHubClient {
  private struct CommentBody: Encodable {
    var body: String
  }

  /// Every comment on issue or pull request `issue`, oldest first (all pages).
  public func issueComments(in repository: RepositoryID, issue: Int) async throws(GitHubError) -> [IssueComment] {
    try await listAll(.repository(repository, "issues", String(issue), "comments"))
  }

  /// The oldest comment on `issue` that satisfies `predicate`, reading page after page until one does.
  public func firstIssueComment(
    in repository: RepositoryID, issue: Int, where predicate: (IssueComment) -> Bool
  ) async throws(GitHubError) -> IssueComment? {
    var found: IssueComment?
    try await paginate(.repository(repository, "issues", String(issue), "comments")) { (comment: IssueComment) in
      guard predicate(comment) else { return false }
      found = comment
      return true
    }
    return found
  }

  /// One comment.
  public func issueComment(_ id: Int64, in repository: RepositoryID) async throws(GitHubError) -> IssueComment {
    try await request(.get, .repository(repository, "issues", "comments", String(id)))
  }

  /// Creates a comment. Not repeated when it may have been created: that fails with `.outcomeUnknown`
  /// (``upsertStickyComment(in:issue:marker:body:createIfMissing:)`` reconciles such failures itself).
  public func createIssueComment(
    in repository: RepositoryID, issue: Int, body: String
  ) async throws(GitHubError) -> IssueComment {
    try await request(
      .post, .repository(repository, "issues", String(issue), "comments"), body: CommentBody(body: body),
      replay: .unsafe)
  }

  /// Replaces a comment's body.
  public func updateIssueComment(
    _ id: Int64, in repository: RepositoryID, body: String
  ) async throws(GitHubError) -> IssueComment {
    try await request(.patch, .repository(repository, "issues", "comments", String(id)), body: CommentBody(body: body))
  }

  /// Deletes a comment.
  public func deleteIssueComment(_ id: Int64, in repository: RepositoryID) async throws(GitHubError) {
    try await requestDiscardingBody(.delete, .repository(repository, "issues", "comments", String(id)))
  }
}
