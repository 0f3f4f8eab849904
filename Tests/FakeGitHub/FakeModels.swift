import Foundation

/// A request the fake received, for assertions.
public struct FakeRequest: Sendable, Hashable {
  /// The method.
  public var method: String
  /// The path without the GHES prefix, as sent (percent-encoded).
  public var path: String
  /// The query parameters.
  public var query: [String: String]
  /// The header fields, names lower-cased.
  public var headers: [String: String]
  /// The body as text.
  public var body: String
  /// The status the fake answered with (0 while being processed).
  public var status: Int

  /// Whether the request changes state.
  public var isMutating: Bool { method != "GET" }
}

/// A comment the fake holds.
public struct FakeComment: Sendable, Hashable {
  /// The id.
  public var id: Int64
  /// The issue or pull request number.
  public var issue: Int
  /// The body.
  public var body: String
  /// The author's login.
  public var author: String
  /// The author's type (`Bot`, `User`).
  public var authorType: String
  /// When it was created.
  public var createdAt: Date
  /// When it was last edited.
  public var updatedAt: Date
}

/// A commit status the fake holds.
public struct FakeStatus: Sendable, Hashable {
  /// The id.
  public var id: Int64
  /// The commit.
  public var sha: String
  /// `success`, `failure`, …
  public var state: String
  /// The context.
  public var context: String
  /// The description.
  public var description: String?
  /// The target URL.
  public var targetURL: String?
}

/// A check run the fake holds.
public struct FakeCheckRun: Sendable, Hashable {
  /// The id.
  public var id: Int64
  /// The name.
  public var name: String
  /// The commit.
  public var headSHA: String
  /// The status.
  public var status: String
  /// The conclusion.
  public var conclusion: String?
  /// The output title.
  public var title: String?
  /// The output summary.
  public var summary: String?
  /// The output text.
  public var text: String?
  /// Every annotation received, in order.
  public var annotations: [JSONValue]
  /// The external id.
  public var externalID: String?
  /// The details URL.
  public var detailsURL: String?
}

/// A pull request the fake holds.
public struct FakePullRequest: Sendable, Hashable {
  /// The number.
  public var number: Int
  /// The title.
  public var title: String
  /// The description.
  public var body: String?
  /// The head branch (without owner).
  public var head: String
  /// The owner of the head branch's repository.
  public var headOwner: String
  /// The base branch.
  public var base: String
  /// `open` or `closed`.
  public var state: String
  /// Whether it is a draft.
  public var draft: Bool
  /// When it was created.
  public var createdAt: Date
  /// When it was last changed.
  public var updatedAt: Date
}

/// A tree entry the fake holds: a blob or submodule at a full path.
struct FakeTreeEntry: Sendable, Hashable {
  var mode: String
  var type: String
  var sha: String
}

/// A commit the fake holds.
struct FakeCommit: Sendable, Hashable {
  var sha: String
  var tree: String
  var parents: [String]
  var message: String
  var author: JSONValue
  var committer: JSONValue
}

/// Everything the fake holds for one repository.
struct FakeRepository: Sendable {
  var comments: [Int64: FakeComment] = [:]
  var statuses: [FakeStatus] = []
  var checkRuns: [Int64: FakeCheckRun] = [:]
  var blobs: [String: Data] = [:]
  /// Trees as flat maps from full path to entry.
  var trees: [String: [String: FakeTreeEntry]] = [:]
  var commits: [String: FakeCommit] = [:]
  var refs: [String: String] = [:]
  var pulls: [Int: FakePullRequest] = [:]
  /// Pull request diffs (`Accept: application/vnd.github.diff`); `nil` stands for one GitHub
  /// refuses to render (406, too large).
  var pullDiffs: [Int: String?] = [:]
  var nextNumber = 1
}
