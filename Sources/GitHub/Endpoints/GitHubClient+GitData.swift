import Foundation

/// The Git Data API: references, blobs, trees and commits (`/repos/{owner}/{repo}/git/…`).
///
/// Blobs, trees and commits are content-addressed, so creating one twice is harmless and such requests
/// are retried like reads. Creating and deleting references re-read the reference when in doubt.
extension GitHubClient {
  private struct CreateReferenceBody: Encodable {
    var ref: String
    var sha: String
  }

  private struct UpdateReferenceBody: Encodable {
    var sha: String
    var force: Bool
  }

  private struct BlobBody: Encodable {
    var content: String
    var encoding: String
  }

  private struct TreeBody: Encodable {
    var baseTree: String?
    var tree: [GitTreeEntry]

    enum CodingKeys: String, CodingKey {
      case tree
      case baseTree = "base_tree"
    }
  }

  private struct CommitBody: Encodable {
    var message: String
    var tree: String
    var parents: [String]
    var author: GitSignature?
    var committer: GitSignature?
  }

  /// Reference `ref` (`heads/main`, `tags/v1`, without `refs/`), or `nil` when it does not exist.
  public func reference(_ ref: String, in repository: RepositoryID) async throws(GitHubError) -> GitReference? {
    do {
      return try await request(.get, APIPath.repository(repository, "git", "ref").appending(components: ref))
    } catch  where error.kind == .notFound {
      return nil
    }
  }

  /// Creates reference `ref` (fully qualified: `refs/heads/covbot/ratchet`) at `sha`.
  ///
  /// When it may have been created already, the reference is re-read: pointing at `sha`, it is returned;
  /// missing, it is created again.
  public func createReference(
    _ ref: String, sha: String, in repository: RepositoryID
  ) async throws(GitHubError) -> GitReference {
    let path = APIPath.repository(repository, "git", "refs")
    let body = CreateReferenceBody(ref: ref, sha: sha)
    do {
      return try await request(.post, path, body: body, replay: .unsafe)
    } catch  where error.kind == .outcomeUnknown {
      let short = ref.hasPrefix("refs/") ? String(ref.dropFirst("refs/".count)) : ref
      if let existing = try await reference(short, in: repository) {
        guard existing.object.sha == sha else { throw error }
        return existing
      }
      return try await request(.post, path, body: body, replay: .unsafe)
    }
  }

  /// Moves reference `ref` (`heads/covbot/ratchet`) to `sha`; without `force` only a fast-forward is accepted.
  public func updateReference(
    _ ref: String, sha: String, force: Bool = false, in repository: RepositoryID
  ) async throws(GitHubError) -> GitReference {
    try await request(
      .patch, APIPath.repository(repository, "git", "refs").appending(components: ref),
      body: UpdateReferenceBody(sha: sha, force: force))
  }

  /// Deletes reference `ref` (`heads/covbot/ratchet`). When in doubt whether it was deleted, re-reads it.
  public func deleteReference(_ ref: String, in repository: RepositoryID) async throws(GitHubError) {
    let path = APIPath.repository(repository, "git", "refs").appending(components: ref)
    do {
      try await requestDiscardingBody(.delete, path, replay: .unsafe)
    } catch  where error.kind == .outcomeUnknown {
      guard try await reference(ref, in: repository) != nil else { return }
      try await requestDiscardingBody(.delete, path, replay: .unsafe)
    }
  }

  /// Stores `data` as a blob (sent base64-encoded).
  public func createBlob(_ data: Data, in repository: RepositoryID) async throws(GitHubError) -> GitBlob {
    try await request(
      .post, .repository(repository, "git", "blobs"),
      body: BlobBody(content: data.base64EncodedString(), encoding: "base64"), replay: .safe)
  }

  /// Stores UTF-8 `text` as a blob.
  public func createBlob(text: String, in repository: RepositoryID) async throws(GitHubError) -> GitBlob {
    try await request(
      .post, .repository(repository, "git", "blobs"), body: BlobBody(content: text, encoding: "utf-8"),
      replay: .safe)
  }

  /// Creates a tree of `entries` on top of `baseTree` (entries replace or delete paths of the base tree).
  public func createTree(
    _ entries: [GitTreeEntry], baseTree: String?, in repository: RepositoryID
  ) async throws(GitHubError) -> GitTree {
    try await request(
      .post, .repository(repository, "git", "trees"), body: TreeBody(baseTree: baseTree, tree: entries),
      replay: .safe)
  }

  /// Creates a commit of `tree` with `parents`.
  ///
  /// Repeating it after a doubtful failure at worst leaves an unreferenced commit object behind, which is
  /// harmless; the commit returned is the one to point a reference at.
  public func createCommit(
    message: String, tree: String, parents: [String], author: GitSignature? = nil, committer: GitSignature? = nil,
    in repository: RepositoryID
  ) async throws(GitHubError) -> GitCommit {
    try await request(
      .post, .repository(repository, "git", "commits"),
      body: CommitBody(message: message, tree: tree, parents: parents, author: author, committer: committer),
      replay: .safe)
  }

  /// Commit `sha` (its tree and parents).
  public func commit(_ sha: String, in repository: RepositoryID) async throws(GitHubError) -> GitCommit {
    try await request(.get, .repository(repository, "git", "commits", sha))
  }
}
