/// Commit statuses (`POST /repos/{owner}/{repo}/statuses/{sha}`).
extension GitHubClient {
  private struct StatusBody: Encodable {
    var state: CommitState
    var context: String
    var description: String?
    var targetURL: String?

    enum CodingKeys: String, CodingKey {
      case state, context, description
      case targetURL = "target_url"
    }
  }

  /// Sets a status on commit `sha`. Safe to repeat: the newest status of a context is the one that counts.
  ///
  /// `description` is sent as given; ``setCommitStatus(in:sha:state:context:description:targetURL:)``
  /// truncates it to GitHub's 140 characters.
  public func createCommitStatus(
    in repository: RepositoryID, sha: String, state: CommitState, context: String, description: String?,
    targetURL: String?
  ) async throws(GitHubError) -> CommitStatus {
    try await request(
      .post, .repository(repository, "statuses", sha),
      body: StatusBody(state: state, context: context, description: description, targetURL: targetURL),
      replay: .safe)
  }
}
