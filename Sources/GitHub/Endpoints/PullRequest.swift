/// A pull request.
public struct PullRequest: Sendable, Hashable, Codable {
  /// One side of a pull request.
  public struct Branch: Sendable, Hashable, Codable {
    /// The repository a branch lives in.
    public struct Repository: Sendable, Hashable, Codable {
      /// `OWNER/NAME`.
      public var fullName: String

      enum CodingKeys: String, CodingKey {
        case fullName = "full_name"
      }
    }

    /// The branch name.
    public var ref: String
    /// The commit at the branch's tip.
    public var sha: String
    /// `OWNER:BRANCH`.
    public var label: String?
    /// The repository (`nil` when a fork was deleted).
    public var repo: Repository?
  }

  /// The pull request's id.
  public var id: Int64
  /// Its number.
  public var number: Int
  /// `open` or `closed`.
  public var state: String
  /// The title.
  public var title: String
  /// The description.
  public var body: String?
  /// Its page.
  public var htmlURL: String
  /// The branch with the changes.
  public var head: Branch
  /// The branch the changes go into.
  public var base: Branch
  /// Whether it is a draft.
  public var draft: Bool?

  enum CodingKeys: String, CodingKey {
    case id, number, state, title, body, head, base, draft
    case htmlURL = "html_url"
  }
}

/// Which pull requests to list, or the state to set.
public enum PullRequestState: String, Sendable, Hashable, Codable, CaseIterable {
  case open, closed, all
}
