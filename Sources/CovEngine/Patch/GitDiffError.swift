/// Getting a change's diff from git failed: what went wrong and what to do.
public struct GitDiffError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What kind of failure, for callers that map failures to exit codes.
  public enum Kind: String, Sendable, Hashable {
    /// No `git` executable on PATH.
    case gitNotFound
    /// The directory is not inside a git work tree.
    case notARepository
    /// The base ref does not name a commit (or is not a valid ref name).
    case unknownRef
    /// The base and HEAD have no common ancestor in this clone (shallow clone, unrelated history).
    case noMergeBase
    /// A git command timed out.
    case timedOut
    /// A git command failed for another reason.
    case failed
    /// Git's diff output could not be parsed.
    case unparsableDiff
  }

  /// What kind of failure.
  public var kind: Kind
  /// The sentence to show, with the next step.
  public var message: String

  /// Creates an error.
  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }

  /// Whether the caller's input is to blame (a wrong ref, no repository, no common history),
  /// not git or the machine.
  public var isUsage: Bool {
    switch kind {
    case .notARepository, .unknownRef, .noMergeBase: true
    case .gitNotFound, .timedOut, .failed, .unparsableDiff: false
    }
  }
}
