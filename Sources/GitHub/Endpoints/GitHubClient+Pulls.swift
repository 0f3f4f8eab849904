import Foundation

/// Pull requests (`/repos/{owner}/{repo}/pulls`).
extension GitHubClient {
  private struct CreateBody: Encodable {
    var title: String
    var head: String
    var base: String
    var body: String?
    var draft: Bool?
    var maintainerCanModify: Bool?

    enum CodingKeys: String, CodingKey {
      case title, head, base, body, draft
      case maintainerCanModify = "maintainer_can_modify"
    }
  }

  private struct UpdateBody: Encodable {
    var title: String?
    var body: String?
    var state: PullRequestState?
    var base: String?
  }

  /// Pull requests in `state`, optionally only those from `head` (`OWNER:BRANCH`) or into `base` (all pages).
  public func pullRequests(
    in repository: RepositoryID, state: PullRequestState = .open, head: String? = nil, base: String? = nil
  ) async throws(GitHubError) -> [PullRequest] {
    var query = [URLQueryItem(name: "state", value: state.rawValue)]
    if let head { query.append(URLQueryItem(name: "head", value: head)) }
    if let base { query.append(URLQueryItem(name: "base", value: base)) }
    return try await listAll(.repository(repository, "pulls"), query: query)
  }

  /// Opens a pull request from `head` (a branch of `repository`) into `base`.
  ///
  /// When it may have been opened already, the open pull requests from `head` are re-read and the one
  /// found is returned; only when there is none is it opened again.
  public func createPullRequest(
    in repository: RepositoryID, title: String, head: String, base: String, body: String? = nil,
    draft: Bool? = nil, maintainerCanModify: Bool? = nil
  ) async throws(GitHubError) -> PullRequest {
    let path = APIPath.repository(repository, "pulls")
    let request = CreateBody(
      title: title, head: head, base: base, body: body, draft: draft, maintainerCanModify: maintainerCanModify)
    do {
      return try await self.request(.post, path, body: request, replay: .unsafe)
    } catch  where error.kind == .outcomeUnknown {
      let qualified = head.contains(":") ? head : "\(repository.owner):\(head)"
      let open = try await pullRequests(in: repository, state: .open, head: qualified, base: base)
      if let existing = open.first { return existing }
      return try await self.request(.post, path, body: request, replay: .unsafe)
    }
  }

  /// Changes a pull request's title, body, state or base; `nil` leaves a field as it is.
  public func updatePullRequest(
    _ number: Int, in repository: RepositoryID, title: String? = nil, body: String? = nil,
    state: PullRequestState? = nil, base: String? = nil
  ) async throws(GitHubError) -> PullRequest {
    try await request(
      .patch, .repository(repository, "pulls", String(number)),
      body: UpdateBody(title: title, body: body, state: state, base: base))
  }

  /// The largest pull request diff read; GitHub itself refuses diffs beyond 20,000 lines (406).
  public static let maxDiffBytes = 64 << 20

  /// The pull request's diff as GitHub renders it (`application/vnd.github.diff`): the change
  /// from the merge base to the head, as the "Files changed" tab shows it.
  ///
  /// GitHub answers 406 when the diff is too large to render; that is a ``GitHubError`` like any other.
  public func pullRequestDiff(in repository: RepositoryID, number: Int) async throws(GitHubError) -> String {
    let path = APIPath.repository(repository, "pulls", String(number))
    let response = try await send(
      .get, path, query: [], body: nil, replay: .safe, accept: "application/vnd.github.diff")
    guard response.body.count <= Self.maxDiffBytes else {
      throw GitHubError(
        kind: .invalidResponse, request: "GET \(path)",
        message: "the diff is larger than \(Self.maxDiffBytes >> 20) MiB; not a reviewable change")
    }
    return String(decoding: response.body, as: UTF8.self)
  }
}
