/// A branch's head: the commit it points to and that commit's tree.
public struct BranchTip: Sendable, Hashable {
  /// The branch name (`main`).
  public var branch: String
  /// The commit the branch points to.
  public var commit: String
  /// The commit's tree.
  public var tree: String

  /// Creates a branch tip.
  public init(branch: String, commit: String, tree: String) {
    self.branch = branch
    self.commit = commit
    self.tree = tree
  }
}

extension GitHubClient {
  /// The head of `branch` (its reference, then its commit for the tree), or `nil` when the branch does not exist.
  public func branchTip(_ branch: String, in repository: RepositoryID) async throws(GitHubError) -> BranchTip? {
    guard let reference = try await reference("heads/" + branch, in: repository) else { return nil }
    let commit = try await commit(reference.object.sha, in: repository)
    return BranchTip(branch: branch, commit: commit.sha, tree: commit.tree.sha)
  }

  /// The head of `branch`, or a not-found error that names the missing branch.
  public func requireBranchTip(_ branch: String, in repository: RepositoryID) async throws(GitHubError) -> BranchTip {
    guard let tip = try await branchTip(branch, in: repository) else {
      let path = APIPath.repository(repository, "git", "ref").appending(components: "heads/" + branch)
      throw GitHubError(
        kind: .notFound, request: "GET \(path)", status: 404,
        message: "there is no branch \"\(branch)\" in \(repository)")
    }
    return tip
  }
}
