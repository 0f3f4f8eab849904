/// A line-at-a-time parser for unified diffs, so a diff streamed from `git` never sits in memory.
///
/// Keeps only each file's added line numbers. Hunk line counts are enforced exactly: that is
/// what tells a body line (which may look like anything) from the next header, and it turns a
/// truncated or edited diff into an error instead of a wrong result.
public struct UnifiedDiffParser: Sendable {
  /// How file names are prefixed.
  public let prefixes: DiffPathPrefixes
  /// The number of lines consumed so far.
  public private(set) var lineNumber = 0
  private var files: [FileDiff] = []
  private var current: PendingFile?
  private var state: State = .preamble
  private var sawText = false
  /// Reading hunks alone: a file header is then an error, not a new file.
  private var hunksOnly = false

  private enum State: Sendable {
    /// Before the first file: a commit message or e-mail header may stand here.
    case preamble
    /// After `diff --git`: extended header lines, `---`, or the next file.
    case gitHeader
    /// After a plain `diff …` command line: `---` must follow.
    case plainHeader
    /// After `---`: `+++` must follow.
    case expectPlus
    /// After `+++`: a hunk must follow.
    case expectHunk
    /// Inside a hunk body, with the lines it still owes.
    case hunk(header: Int, oldLeft: Int, newLeft: Int, nextNew: Int)
    /// A hunk just ended: `\ No newline…` may follow (once), then a hunk or the next file.
    case afterHunk(header: Int, nextNew: Int, markerAllowed: Bool)
    /// Only the next file may follow (after `Binary files … differ`).
    case between
    /// Inside `GIT binary patch` data, until the next file.
    case binaryPatch
    /// After a `-- ` signature line (`git format-patch`): nothing more is read.
    case trailer
  }

  private struct PendingFile: Sendable {
    var headerLine: Int
    var isGit: Bool
    var headerNames: (old: String, new: String)?
    var minus: GitPathName.Field?
    var plus: GitPathName.Field?
    var renameFrom: String?
    var renameTo: String?
    var copyFrom: String?
    var copyTo: String?
    var newFile = false
    var deletedFile = false
    var modeChange = false
    var binary = false
    var sawHunk = false
    var addedLines: [Int] = []
  }

  /// A parser for names prefixed as `prefixes` says.
  public init(prefixes: DiffPathPrefixes = .automatic) {
    self.prefixes = prefixes
  }

  /// Parses the next line (without its line break; a trailing `\r` is ignored).
  public mutating func consume(_ line: ArraySlice<UInt8>) throws(UnifiedDiffError) {
    lineNumber += 1
    var line = line
    if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
    switch state {
    case .hunk(let header, let oldLeft, let newLeft, let nextNew):
      try hunkBody(line, header: header, oldLeft: oldLeft, newLeft: newLeft, nextNew: nextNew)
    case .afterHunk(let header, let nextNew, let markerAllowed):
      if line.first == UInt8(ascii: "\\") {
        guard markerAllowed else { throw fail("a second `\\` line after a hunk") }
        state = .afterHunk(header: header, nextNew: nextNew, markerAllowed: false)
      } else if line.starts(with: Self.hunkMark) {
        try startHunk(line, after: nextNew)
      } else if try !startsFile(line) {
        throw fail(
          "expected a hunk header or the next file, found \(Self.excerpt(line)); the hunk at line \(header) "
            + "may have a wrong line count")
      }
    case .preamble:
      if line.starts(with: Self.hunkMark) {
        throw fail("a hunk without a file header; a pull request file's `patch` field goes to parseHunks")
      }
      if try !startsFile(line) {
        sawText = sawText || line.contains { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
      }
    case .gitHeader:
      try gitHeaderLine(line)
    case .plainHeader:
      if line.starts(with: "--- ".utf8) {
        current = PendingFile(headerLine: lineNumber, isGit: false)
        try minusLine(line)
      } else if line.starts(with: "Binary files ".utf8) {
        state = .between
      } else {
        throw fail("expected `---` after a `diff` command line, found \(Self.excerpt(line))")
      }
    case .expectPlus:
      guard line.starts(with: "+++ ".utf8) else { throw fail("expected `+++` after `---`") }
      let field = GitPathName.parseField(line.dropFirst(4))
      guard field != .invalid else { throw fail("the `+++` line's file name is empty or badly quoted") }
      current?.plus = field
      state = .expectHunk
    case .expectHunk:
      guard line.starts(with: Self.hunkMark) else {
        throw fail("expected a hunk header (`@@ -a,b +c,d @@`) after `+++`, found \(Self.excerpt(line))")
      }
      try startHunk(line, after: 0)
    case .between:
      if try !startsFile(line) {
        throw fail("expected the next file's `diff` header, found \(Self.excerpt(line))")
      }
    case .binaryPatch:
      // Base85 lines can never start with `diff ` (a space is not in git's base85 alphabet).
      _ = try startsFile(line)
    case .trailer:
      break
    }
  }

  /// Ends the input and returns every file, in diff order.
  public mutating func finish() throws(UnifiedDiffError) -> UnifiedDiff {
    switch state {
    case .hunk(let header, let oldLeft, let newLeft, _):
      throw UnifiedDiffError(
        line: header,
        reason: "the diff ends inside this hunk: \(oldLeft) old and \(newLeft) new line(s) it announced are missing")
    case .expectPlus, .expectHunk, .plainHeader:
      throw fail("the diff ends inside a file header")
    case .preamble where sawText:
      throw UnifiedDiffError(
        line: max(lineNumber, 1), reason: "no file header (`diff --git`, or `---` and `+++`) in the input")
    default:
      break
    }
    try closeFile()
    state = .trailer
    return UnifiedDiff(files: files)
  }

  /// Parses hunks alone (GitHub's `patch` field) as the changes to `path`.
  mutating func beginHunksOnly(path: String) {
    current = PendingFile(headerLine: 1, isGit: false, minus: .name(path), plus: .name(path))
    state = .expectHunk
    hunksOnly = true
  }

  /// Ends a hunks-only input, returning its one file.
  mutating func finishHunksOnly() throws(UnifiedDiffError) -> FileDiff {
    switch state {
    case .hunk(let header, let oldLeft, let newLeft, _):
      throw UnifiedDiffError(
        line: header,
        reason: "the patch ends inside this hunk: \(oldLeft) old and \(newLeft) new line(s) it announced are missing")
    case .expectHunk where lineNumber > 0:
      throw fail("expected a hunk header")
    default:
      break
    }
    let lines = current?.addedLines ?? []
    current = nil
    state = .trailer
    return FileDiff(oldPath: nil, newPath: nil, status: .modified, addedLines: lines)
  }

  // MARK: - Files

  /// Starts a new file when `line` is a file header; `false` when it is not one.
  private mutating func startsFile(_ line: ArraySlice<UInt8>) throws(UnifiedDiffError) -> Bool {
    guard !hunksOnly else { return false }
    if line.starts(with: "diff --git ".utf8) {
      try closeFile()
      var file = PendingFile(headerLine: lineNumber, isGit: true)
      file.headerNames = GitPathName.headerNames(line.dropFirst(11), candidates: prefixes.candidates)
      current = file
      state = .gitHeader
      return true
    }
    if line.starts(with: "diff --cc ".utf8) || line.starts(with: "diff --combined ".utf8)
      || line.starts(with: "@@@".utf8)
    {
      throw fail(
        "a combined diff (of a merge commit) is not supported; diff the merge base against HEAD instead "
          + "(`git diff BASE...HEAD`)")
    }
    if line.starts(with: "diff ".utf8) {
      try closeFile()
      state = .plainHeader
      return true
    }
    if line.starts(with: "--- ".utf8) {
      try closeFile()
      current = PendingFile(headerLine: lineNumber, isGit: false)
      try minusLine(line)
      return true
    }
    if line.elementsEqual("-- ".utf8) {
      try closeFile()
      state = .trailer
      return true
    }
    return false
  }

  private mutating func minusLine(_ line: ArraySlice<UInt8>) throws(UnifiedDiffError) {
    let field = GitPathName.parseField(line.dropFirst(4))
    guard field != .invalid else { throw fail("the `---` line's file name is empty or badly quoted") }
    current?.minus = field
    state = .expectPlus
  }

  private mutating func gitHeaderLine(_ line: ArraySlice<UInt8>) throws(UnifiedDiffError) {
    if line.starts(with: "--- ".utf8) {
      try minusLine(line)
    } else if line.starts(with: "old mode ".utf8) || line.starts(with: "new mode ".utf8) {
      current?.modeChange = true
    } else if line.starts(with: "new file mode ".utf8) {
      current?.newFile = true
    } else if line.starts(with: "deleted file mode ".utf8) {
      current?.deletedFile = true
    } else if line.starts(with: "index ".utf8) || line.starts(with: "similarity index ".utf8)
      || line.starts(with: "dissimilarity index ".utf8)
    {
      return
    } else if line.starts(with: "rename from ".utf8) {
      let name = try headerName(line.dropFirst(12), "rename from")
      current?.renameFrom = name
    } else if line.starts(with: "rename to ".utf8) {
      let name = try headerName(line.dropFirst(10), "rename to")
      current?.renameTo = name
    } else if line.starts(with: "copy from ".utf8) {
      let name = try headerName(line.dropFirst(10), "copy from")
      current?.copyFrom = name
    } else if line.starts(with: "copy to ".utf8) {
      let name = try headerName(line.dropFirst(8), "copy to")
      current?.copyTo = name
    } else if line.starts(with: "Binary files ".utf8) && line.reversed().starts(with: " differ".utf8.reversed()) {
      current?.binary = true
      state = .between
    } else if line.elementsEqual("GIT binary patch".utf8) {
      current?.binary = true
      state = .binaryPatch
    } else if line.starts(with: Self.hunkMark) {
      throw fail("a hunk before the file's `---` and `+++` lines")
    } else if try !startsFile(line) {
      throw fail("unexpected line in a file's header: \(Self.excerpt(line))")
    }
  }

  private func headerName(_ bytes: ArraySlice<UInt8>, _ keyword: String) throws(UnifiedDiffError) -> String {
    guard case .name(let name) = GitPathName.parseField(bytes) else {
      throw fail("the `\(keyword)` line's file name is empty or badly quoted")
    }
    return name
  }

  /// Finishes the pending file: resolves its names and status, and appends it.
  private mutating func closeFile() throws(UnifiedDiffError) {
    guard let file = current else { return }
    current = nil
    let line = file.headerLine
    let deleted = file.deletedFile || file.plus == .devNull
    let added = file.newFile || file.minus == .devNull
    if deleted && added {
      throw UnifiedDiffError(line: line, reason: "a file both added and deleted (`/dev/null` on both sides)")
    }
    if deleted && !file.addedLines.isEmpty {
      throw UnifiedDiffError(line: line, reason: "a deleted file whose hunks add lines")
    }
    // Names with prefixes, from ---/+++ when present, else from the `diff --git` line.
    let prefixedOld: String? =
      switch file.minus {
      case .name(let name): name
      case .devNull, .invalid: nil
      case nil: file.headerNames?.old
      }
    let prefixedNew: String? =
      switch file.plus {
      case .name(let name): name
      case .devNull, .invalid: nil
      case nil: file.headerNames?.new
      }
    let (source, destination) = try prefixPair(old: prefixedOld, new: prefixedNew, line: line)
    let oldPath = file.renameFrom ?? file.copyFrom ?? prefixedOld.map { String($0.dropFirst(source)) }
    let newPath = file.renameTo ?? file.copyTo ?? prefixedNew.map { String($0.dropFirst(destination)) }
    if !added && (oldPath ?? "").isEmpty || !deleted && (newPath ?? "").isEmpty {
      throw UnifiedDiffError(
        line: line,
        reason: "cannot tell the file's names from its header (a name with spaces needs `---`/`+++` or "
          + "`rename` lines)")
    }
    for name in [oldPath, newPath].compactMap(\.self) where name.utf8.contains(0) {
      throw UnifiedDiffError(line: line, reason: "a file name holds a NUL byte")
    }
    let status: FileDiff.Status =
      if deleted { .deleted } else if file.binary { .binary } else if added { .added } else if file.renameTo != nil {
        .renamed
      } else if file.copyTo != nil { .copied } else if file.modeChange && !file.sawHunk { .modeOnly } else {
        .modified
      }
    files.append(
      FileDiff(
        oldPath: added ? nil : oldPath, newPath: deleted ? nil : newPath, status: status,
        addedLines: file.binary ? [] : file.addedLines))
  }

  private func prefixPair(old: String?, new: String?, line: Int) throws(UnifiedDiffError) -> (Int, Int) {
    for (source, destination) in prefixes.candidates
    where (old?.hasPrefix(source) ?? true) && (new?.hasPrefix(destination) ?? true) {
      return (source.count, destination.count)
    }
    if case .custom(let source, let destination) = prefixes {
      throw UnifiedDiffError(
        line: line, reason: "a file name lacks the expected prefix `\(source)` or `\(destination)`")
    }
    return (0, 0)
  }

  // MARK: - Hunks

  private static let hunkMark = "@@ ".utf8

  private mutating func startHunk(_ line: ArraySlice<UInt8>, after previousEnd: Int) throws(UnifiedDiffError) {
    guard let header = HunkHeader(line) else {
      throw fail("malformed hunk header \(Self.excerpt(line)); expected `@@ -a,b +c,d @@`")
    }
    if let problem = header.problem { throw fail(problem) }
    guard header.newStart >= previousEnd else {
      throw fail("this hunk starts at new line \(header.newStart), before the previous hunk's end")
    }
    current?.sawHunk = true
    state = .hunk(
      header: lineNumber, oldLeft: header.oldCount, newLeft: header.newCount,
      nextNew: header.newStart)
  }

  private mutating func hunkBody(
    _ line: ArraySlice<UInt8>, header: Int, oldLeft: Int, newLeft: Int, nextNew: Int
  ) throws(UnifiedDiffError) {
    var oldLeft = oldLeft
    var newLeft = newLeft
    var nextNew = nextNew
    switch line.first {
    case UInt8(ascii: " "), nil:
      // An empty line is an empty context line whose space an editor or mailer trimmed.
      guard oldLeft > 0, newLeft > 0 else { throw overrun(line, header: header) }
      oldLeft -= 1
      newLeft -= 1
      nextNew += 1
    case UInt8(ascii: "-"):
      guard oldLeft > 0 else { throw overrun(line, header: header) }
      oldLeft -= 1
    case UInt8(ascii: "+"):
      guard newLeft > 0 else { throw overrun(line, header: header) }
      current?.addedLines.append(nextNew)
      newLeft -= 1
      nextNew += 1
    case UInt8(ascii: "\\"):
      break
    default:
      throw fail(
        "the hunk at line \(header) still owes \(oldLeft) old and \(newLeft) new line(s), but this line is "
          + "\(Self.excerpt(line)); the diff is truncated or the hunk's counts are wrong")
    }
    if oldLeft == 0 && newLeft == 0 {
      state = .afterHunk(header: header, nextNew: nextNew, markerAllowed: true)
    } else {
      state = .hunk(header: header, oldLeft: oldLeft, newLeft: newLeft, nextNew: nextNew)
    }
  }

  private func overrun(_ line: ArraySlice<UInt8>, header: Int) -> UnifiedDiffError {
    fail(
      "the hunk at line \(header) has more \(line.first == UInt8(ascii: "+") ? "new" : "old") lines than its "
        + "header announces")
  }

  private func fail(_ reason: String) -> UnifiedDiffError {
    UnifiedDiffError(line: lineNumber, reason: reason)
  }

  /// A short, printable quote of a line for messages (the diff may be hostile).
  static func excerpt(_ line: ArraySlice<UInt8>) -> String {
    let text = String(decoding: line.prefix(60), as: UTF8.self)
    let clean = String(
      String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
    return "`\(clean)\(line.count > 60 ? "…" : "")`"
  }
}
