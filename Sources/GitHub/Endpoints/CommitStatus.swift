/// The state of a commit status.
public enum CommitState: String, Sendable, Hashable, Codable, CaseIterable {
  case error, failure, pending, success
}

/// A commit status (the pre-Checks API: a state, a context and a link, per commit).
public struct CommitStatus: Sendable, Hashable, Codable {
  /// The status id.
  public var id: Int64
  /// The state.
  public var state: CommitState
  /// The label that tells statuses apart; a newer status with the same context supersedes the older.
  public var context: String
  /// The short description (at most 140 characters).
  public var description: String?
  /// The link from the status.
  public var targetURL: String?

  enum CodingKeys: String, CodingKey {
    case id, state, context, description
    case targetURL = "target_url"
  }
}
