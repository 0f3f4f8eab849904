/// A parsed unified diff: each file's names, status and added lines.
///
/// One parser reads `git diff` output (any `--unified`, renames and copies, binary and mode-only
/// changes, quoted names), GitHub's `application/vnd.github.diff` of a pull request, and plain
/// `diff -u` output. Hunk-only patches (the `patch` field of a pull request's files) go through
/// ``parseHunks(_:path:)``. Combined diffs (`diff --cc`, merge commits) are refused: patch
/// coverage diffs the merge base against HEAD, which is never combined.
public struct UnifiedDiff: Sendable, Hashable {
  /// The files, in diff order (a file may appear twice when diffs were concatenated).
  public var files: [FileDiff]

  /// A diff of `files`.
  public init(files: [FileDiff]) {
    self.files = files
  }

  /// Parses a whole diff. Text before the first file header (a commit message) is skipped.
  ///
  /// Lines end with `\n` or `\r\n`. Runs in time linear in the input and never traps.
  public static func parse(
    _ text: String, prefixes: DiffPathPrefixes = .automatic
  ) throws(UnifiedDiffError) -> UnifiedDiff {
    var parser = UnifiedDiffParser(prefixes: prefixes)
    try forEachLine(of: text) { (line) throws(UnifiedDiffError) in try parser.consume(line) }
    return try parser.finish()
  }

  /// Parses hunks without any file header, as GitHub's `/pulls/{n}/files` gives them in `patch`,
  /// as a modification of `path`.
  ///
  /// An empty patch has no lines. Set the result's status and old name from the API's `status` and
  /// `previous_filename`; a file entry without `patch` has an unknown diff, not an empty one.
  public static func parseHunks(_ patch: String, path: String) throws(UnifiedDiffError) -> FileDiff {
    var parser = UnifiedDiffParser(prefixes: .none)
    parser.beginHunksOnly(path: path)
    try forEachLine(of: patch) { (line) throws(UnifiedDiffError) in try parser.consume(line) }
    var file = try parser.finishHunksOnly()
    file.oldPath = path
    file.newPath = path
    return file
  }

  /// Calls `body` with each line's bytes, without the `\n` (a final line without one included).
  private static func forEachLine(
    of text: String, _ body: (ArraySlice<UInt8>) throws(UnifiedDiffError) -> Void
  ) throws(UnifiedDiffError) {
    let bytes = Array(text.utf8)
    var start = 0
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "\n") {
        try body(bytes[start..<index])
        start = index + 1
      }
      index += 1
    }
    if start < bytes.count { try body(bytes[start...]) }
  }
}
