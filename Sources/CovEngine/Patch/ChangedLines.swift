import Foundation

/// The lines a change added or modified, per repository-relative file path.
///
/// Line numbers are in the new file, ascending, each once; files without such lines are left out.
public struct ChangedLines: Sendable, Hashable {
  /// Path → ascending, distinct line numbers.
  public private(set) var files: [String: [Int]]

  /// Lines per path, sorted and de-duplicated; empty entries are dropped.
  public init(files: [String: [Int]]) {
    self.files = files.compactMapValues { lines in
      lines.isEmpty ? nil : Self.normalized(lines)
    }
  }

  /// The lines `diff` adds to each file that still exists (deleted files contribute nothing).
  public init(diff: UnifiedDiff) {
    var files: [String: [Int]] = [:]
    for file in diff.files where file.status != .deleted && !file.addedLines.isEmpty {
      guard let path = file.newPath else { continue }
      // The same file twice (concatenated diffs): the union of its lines.
      files[path, default: []].append(contentsOf: file.addedLines)
    }
    self.init(files: files)
  }

  /// The changed paths, sorted.
  public var paths: [String] { files.keys.sorted() }

  /// The number of changed lines in all files.
  public var lineCount: Int { files.values.reduce(0) { $0 + $1.count } }

  /// Only non-test Go source files: `.go`, not `_test.go`, in a directory `go` builds packages
  /// from (not under `testdata`, `vendor`, or a directory starting with `.` or `_`).
  ///
  /// A path holding a control character is left out too: Go refuses such file names.
  public func goSourceFiles() -> ChangedLines {
    ChangedLines(trusted: files.filter { Self.isGoSource($0.key) })
  }

  /// Only files inside one of `modules` (deepest module root wins when they nest).
  public func inside(_ modules: [GoModuleLocation]) -> ChangedLines {
    ChangedLines(trusted: files.filter { modules.owner(ofRepositoryPath: $0.key) != nil })
  }

  /// Without generated files, judged from each file's head as `readHead` returns it (at most
  /// ``GeneratedGoFile/readLimit`` bytes; `nil` when unreadable, which keeps the file).
  public func excludingGenerated(readHead: (String) -> [UInt8]?) -> ChangedLines {
    ChangedLines(
      trusted: files.filter { path, _ in
        guard let head = readHead(path) else { return true }
        return !GeneratedGoFile.isGenerated(head: head.prefix(GeneratedGoFile.readLimit))
      })
  }

  /// What patch coverage measures: non-test, non-generated Go files inside `modules`.
  public func restricted(
    to modules: [GoModuleLocation], readHead: (String) -> [UInt8]?
  ) -> ChangedLines {
    // Generated-file checks read files: run them last, on the fewest files.
    goSourceFiles().inside(modules).excludingGenerated(readHead: readHead)
  }

  /// Reads at most ``GeneratedGoFile/readLimit`` bytes of a repository-relative file under `root`.
  public static func workingTreeReader(root: String) -> @Sendable (String) -> [UInt8]? {
    { path in
      guard let handle = FileHandle(forReadingAtPath: root + "/" + path) else { return nil }
      defer { try? handle.close() }
      guard let data = try? handle.read(upToCount: GeneratedGoFile.readLimit) else { return nil }
      return [UInt8](data)
    }
  }

  private init(trusted files: [String: [Int]]) {
    self.files = files
  }

  private static func normalized(_ lines: [Int]) -> [Int] {
    var sorted = lines
    if !zip(lines, lines.dropFirst()).allSatisfy({ $0 < $1 }) { sorted.sort() }
    var result: [Int] = []
    result.reserveCapacity(sorted.count)
    for line in sorted where line >= 1 && line != result.last { result.append(line) }
    return result
  }

  private static func isGoSource(_ path: String) -> Bool {
    guard path.hasSuffix(".go"), !path.hasSuffix("_test.go"),
      !path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    else { return false }
    let components = path.split(separator: "/", omittingEmptySubsequences: false)
    guard let name = components.last, name.count > 3, !name.hasPrefix("."), !name.hasPrefix("_") else {
      return false
    }
    return !components.dropLast().contains { directory in
      directory.isEmpty || directory == "testdata" || directory == "vendor" || directory.hasPrefix(".")
        || directory.hasPrefix("_")
    }
  }
}
