import Foundation

/// A file read through the contents API.
public struct RepositoryFile: Sendable, Hashable, Codable {
  /// The path.
  public var path: String
  /// The blob SHA (needed to update the file through the contents API).
  public var sha: String
  /// `file`, `dir`, `symlink` or `submodule`.
  public var type: String
  /// `base64` for files.
  public var encoding: String?
  /// The content as GitHub sends it (base64 with line breaks).
  public var content: String?

  /// The decoded bytes, for a file.
  public var data: Data? {
    guard encoding == "base64", let content else { return nil }
    return Data(base64Encoded: content.filter { !$0.isWhitespace })
  }

  /// The content as UTF-8 text, for a file.
  public var text: String? { data.flatMap { String(data: $0, encoding: .utf8) } }
}

/// The contents API (`GET /repos/{owner}/{repo}/contents/{path}`).
extension GitHubClient {
  /// File `path` at `ref` (the default branch when `nil`), or `nil` when it does not exist.
  public func file(
    _ path: String, ref: String? = nil, in repository: RepositoryID
  ) async throws(GitHubError)
    -> RepositoryFile?
  {
    do {
      return try await request(
        .get, APIPath.repository(repository, "contents").appending(components: path),
        query: ref.map { [URLQueryItem(name: "ref", value: $0)] } ?? [])
    } catch  where error.kind == .notFound {
      return nil
    }
  }
}
