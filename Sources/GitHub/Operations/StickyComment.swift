import Foundation

/// What ``GitHubClient/upsertStickyComment(in:issue:marker:body:createIfMissing:)`` did.
public enum StickyCommentOutcome: Sendable, Hashable {
  /// No comment had the marker; this one was created.
  case created(IssueComment)
  /// The comment with the marker was edited to the new body.
  case updated(IssueComment)
  /// The comment with the marker already had this body; nothing was written.
  case unchanged(IssueComment)
  /// No comment had the marker and none was to be created.
  case absent

  /// The comment, unless ``absent``.
  public var comment: IssueComment? {
    switch self {
    case .created(let comment), .updated(let comment), .unchanged(let comment): comment
    case .absent: nil
    }
  }
}

extension GitHubClient {
  /// Keeps one comment per pull request (or issue) up to date: the comment whose body contains `marker`
  /// (a hidden `<!-- … -->` line) is found across all pages, edited in place, and left alone when its body
  /// is already `body`; without one, a comment is created (unless `createIfMissing` is false).
  ///
  /// A create that may have landed (timeout, 5xx) is never repeated blindly: the comments are re-read and
  /// a comment carrying the marker is taken as the one just created.
  public func upsertStickyComment(
    in repository: RepositoryID, issue: Int, marker: String, body: String, createIfMissing: Bool = true
  ) async throws(GitHubError) -> StickyCommentOutcome {
    guard !marker.isEmpty, body.contains(marker) else {
      throw GitHubError(
        kind: .configuration,
        message: "the comment body does not contain its marker \"\(marker)\", so it could never be found again")
    }
    let existing = try await firstIssueComment(in: repository, issue: issue) { $0.body?.contains(marker) == true }
    if let existing { return try await refresh(existing, in: repository, body: body) }
    guard createIfMissing else { return .absent }
    do {
      return .created(try await createIssueComment(in: repository, issue: issue, body: body))
    } catch  where error.kind == .outcomeUnknown {
      let landed = try await firstIssueComment(in: repository, issue: issue) { $0.body?.contains(marker) == true }
      if let landed {
        let outcome = try await refresh(landed, in: repository, body: body)
        return .created(outcome.comment ?? landed)
      }
      return .created(try await createIssueComment(in: repository, issue: issue, body: body))
    }
  }

  private func refresh(
    _ comment: IssueComment, in repository: RepositoryID, body: String
  ) async throws(GitHubError) -> StickyCommentOutcome {
    if Self.normalized(comment.body ?? "") == Self.normalized(body) { return .unchanged(comment) }
    return .updated(try await updateIssueComment(comment.id, in: repository, body: body))
  }

  /// GitHub may store CRLF line ends and drop trailing whitespace; neither is a change worth a write.
  static func normalized(_ text: String) -> String {
    var text = text.replacingOccurrences(of: "\r\n", with: "\n")
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return text
  }
}
