/// One file's part of a unified diff: its names, what happened to it, and the lines it added.
public struct FileDiff: Sendable, Hashable {
  /// What the diff did to the file.
  ///
  /// When several apply, the first in this order wins: deleted, binary, added, renamed, copied,
  /// modified, mode-only. A binary file thus reads `binary` whether it was added, renamed or
  /// changed; a deleted one reads `deleted` whatever its content.
  public enum Status: String, Sendable, Hashable, Codable {
    case added, deleted, modified, renamed, copied, modeOnly, binary
  }

  /// The name before the change, without a prefix (`nil` for an added file).
  public var oldPath: String?
  /// The name after the change, without a prefix (`nil` for a deleted file).
  public var newPath: String?
  /// What happened to the file.
  public var status: Status
  /// Line numbers in the new file that the diff added or changed, ascending, each once.
  ///
  /// Only `+` lines count: context lines do not, and a deleted or binary file has none.
  public var addedLines: [Int]

  /// Describes one file's change.
  public init(oldPath: String?, newPath: String?, status: Status, addedLines: [Int] = []) {
    self.oldPath = oldPath
    self.newPath = newPath
    self.status = status
    self.addedLines = addedLines
  }
}
