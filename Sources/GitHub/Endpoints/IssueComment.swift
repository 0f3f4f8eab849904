import Foundation

/// A comment on an issue or pull request.
public struct IssueComment: Sendable, Hashable, Codable {
  /// The comment id.
  public var id: Int64
  /// The Markdown body.
  public var body: String?
  /// The comment's page.
  public var htmlURL: String
  /// The author.
  public var user: GitHubUser?
  /// When it was created.
  public var createdAt: Date
  /// When it was last edited.
  public var updatedAt: Date

  enum CodingKeys: String, CodingKey {
    case id, body, user
    case htmlURL = "html_url"
    case createdAt = "created_at"
    case updatedAt = "updated_at"
  }
}
