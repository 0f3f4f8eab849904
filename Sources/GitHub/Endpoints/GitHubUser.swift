/// The account that authored something.
public struct GitHubUser: Sendable, Hashable, Codable {
  /// The login, e.g. `github-actions[bot]`.
  public var login: String
  /// The account id.
  public var id: Int64
  /// `User`, `Bot` or `Organization`.
  public var type: String?
}
