extension GitHubClient {
  /// GitHub's limit on a commit status description.
  public static let statusDescriptionLimit = 140

  /// Sets a commit status, truncating `description` to GitHub's 140 characters without splitting one.
  public func setCommitStatus(
    in repository: RepositoryID, sha: String, state: CommitState, context: String, description: String,
    targetURL: String? = nil
  ) async throws(GitHubError) -> CommitStatus {
    try await createCommitStatus(
      in: repository, sha: sha, state: state, context: context,
      description: TextLimit.truncate(description, to: Self.statusDescriptionLimit), targetURL: targetURL)
  }
}
