import Foundation

/// A change proposed as one commit on one branch, with one pull request into the base branch.
///
/// ``GitHubClient/proposePullRequest(_:onto:in:)`` builds the commit on top of the base branch's current head
/// through the Git Data API and keeps a single pull request from ``branch`` open, updated in place.
public struct PullRequestProposal: Sendable, Hashable {
  /// One file of the commit, with its full new content.
  public struct File: Sendable, Hashable {
    /// The path, relative to the repository root (`services/api/pkg/a/.covgate`).
    public var path: String
    /// The whole file's new content.
    public var content: String

    /// Creates a file.
    public init(path: String, content: String) {
      self.path = path
      self.content = content
    }
  }

  /// The branch the commit goes on (`covbot/ratchet`): it belongs to the proposal and is reset on every run.
  public var branch: String
  /// The branch the pull request goes into (`main`).
  public var baseBranch: String
  /// The files to change; every other file is the base branch's.
  public var files: [File]
  /// The commit message.
  public var commitMessage: String
  /// The pull request's title.
  public var title: String
  /// The pull request's description.
  public var body: String
  /// The hidden marker of the note ``GitHubClient/retirePullRequestProposal(branch:note:marker:close:in:)`` leaves
  /// on a stale pull request; a proposal deletes that note when the pull request is needed again.
  public var staleNoteMarker: String?

  /// Creates a proposal.
  public init(
    branch: String, baseBranch: String, files: [File], commitMessage: String, title: String, body: String,
    staleNoteMarker: String? = nil
  ) {
    self.branch = branch
    self.baseBranch = baseBranch
    self.files = files
    self.commitMessage = commitMessage
    self.title = title
    self.body = body
    self.staleNoteMarker = staleNoteMarker
  }

  /// Whether `name` can be a proposal's branch: letters, digits, `.`, `_`, `-` and `/` between parts,
  /// no `..`, no part starting with `.` or ending with `.lock`.
  public static func isValidBranchName(_ name: String) -> Bool {
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    return !name.isEmpty && !name.contains("..")
      && parts.allSatisfy { part in
        !part.isEmpty && !part.hasPrefix(".") && !part.hasSuffix(".lock")
          && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
      }
  }

  /// Refuses proposals that could never work or would write where they must not (onto the base branch).
  func validate() throws(GitHubError) {
    for name in [branch, baseBranch] where !Self.isValidBranchName(name) {
      throw GitHubError(
        kind: .configuration,
        message: "\"\(name)\" is not a branch name covbot uses (letters, digits, '.', '_', '-' and '/' between parts)")
    }
    guard branch != baseBranch else {
      throw GitHubError(
        kind: .configuration,
        message: "the proposal branch and the base branch are both \"\(branch)\"; the proposal branch is reset on "
          + "every run, so it must be a branch of its own (e.g. covbot/ratchet)")
    }
    guard !files.isEmpty else {
      throw GitHubError(kind: .configuration, message: "a proposal needs at least one file to change")
    }
    for file in files {
      let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
      guard !file.path.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
        throw GitHubError(
          kind: .configuration,
          message: "\"\(file.path)\" is not a path relative to the repository root (no leading '/', '.' or '..')")
      }
    }
    guard Set(files.map(\.path)).count == files.count else {
      throw GitHubError(kind: .configuration, message: "a proposal changes each file once; a path is repeated")
    }
  }
}
