import Foundation

/// A Go coverprofile (`go test -coverprofile`), parsed and merged.
///
/// Duplicate blocks (the same file and positions, e.g. from several test binaries) are merged
/// as Go merges them: `set` mode ORs the counts, `count` and `atomic` add them.
public struct CoverProfile: Sendable {
  /// The profile's counter mode.
  public enum Mode: String, Sendable {
    case set, count, atomic
  }

  /// A block's source range: start line, start column, end line, end column.
  struct BlockKey: Hashable, Sendable {
    var startLine: Int32
    var startColumn: Int32
    var endLine: Int32
    var endColumn: Int32
  }

  /// A block's statement count and execution count.
  struct BlockValue: Sendable {
    var statements: Int32
    var count: Int64
  }

  /// The counter mode (`nil` for a profile without any content yet).
  public private(set) var mode: Mode?
  /// Blocks per file name (import-path-qualified, e.g. `example.com/m/pkg/file.go`).
  private(set) var files: [String: [BlockKey: BlockValue]] = [:]

  /// An empty profile.
  public init() {}

  /// Parses the profile at `path`, streaming it in chunks.
  public static func load(path: String) throws(CoverProfileError) -> CoverProfile {
    var parser = CoverProfileParser(path: path)
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CoverProfileError(path: path, line: nil, reason: "cannot open the file")
    }
    defer { try? handle.close() }
    while true {
      let chunk: Data
      do {
        chunk = try handle.read(upToCount: 4 << 20) ?? Data()
      } catch {
        throw CoverProfileError(path: path, line: nil, reason: "read failed: \(error.localizedDescription)")
      }
      if chunk.isEmpty { break }
      try parser.consume(chunk)
    }
    return try parser.finish()
  }

  /// Parses profile text; `path` is only used in errors.
  public static func parse(_ text: String, path: String = "<profile>") throws(CoverProfileError) -> CoverProfile {
    var parser = CoverProfileParser(path: path)
    try parser.consume(Data(text.utf8))
    return try parser.finish()
  }

  mutating func setMode(_ newMode: Mode, path: String, line: Int) throws(CoverProfileError) {
    if let mode, mode != newMode {
      throw CoverProfileError(
        path: path, line: line, reason: "mode \(newMode.rawValue) cannot be merged with mode \(mode.rawValue)")
    }
    mode = newMode
  }

  /// Merges one file's parsed blocks in (a file may appear more than once in merged profiles).
  mutating func add(file: String, blocks: [BlockKey: BlockValue]) {
    guard var existing = files[file] else {
      files[file] = blocks
      return
    }
    files[file] = nil
    for (key, value) in blocks {
      existing[key, default: BlockValue(statements: value.statements, count: 0)].merge(
        count: value.count, or: mode == .set)
    }
    files[file] = existing
  }

  mutating func add(file: String, key: BlockKey, statements: Int32, count: Int64) {
    let mergesByOr = mode == .set
    files[file, default: [:]][key, default: BlockValue(statements: statements, count: 0)].merge(
      count: count, or: mergesByOr)
  }

  /// Merges another profile into this one (same mode required).
  public mutating func merge(_ other: CoverProfile, path: String = "<profile>") throws(CoverProfileError) {
    guard let otherMode = other.mode else { return }
    try setMode(otherMode, path: path, line: 1)
    for (file, blocks) in other.files {
      for (key, value) in blocks { add(file: file, key: key, statements: value.statements, count: value.count) }
    }
  }

  /// Covered and total statements per directory of the profile's file names.
  ///
  /// For module packages the directory is the package's import path (`example.com/m/pkg`).
  public func coverageByDirectory() -> [String: StatementCoverage] {
    var result: [String: StatementCoverage] = [:]
    for (file, blocks) in files {
      let directory = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? "."
      var coverage = result[directory] ?? .zero
      for value in blocks.values {
        coverage.total += Int(value.statements)
        if value.count > 0 { coverage.covered += Int(value.statements) }
      }
      result[directory] = coverage
    }
    return result
  }

  /// Only the blocks of the files named (import-path-qualified): what patch coverage keeps, so
  /// memory follows the change, not the profile.
  public func restricted(toFiles names: Set<String>) -> CoverProfile {
    var copy = CoverProfile()
    copy.mode = mode
    for name in names { if let blocks = files[name] { copy.files[name] = blocks } }
    return copy
  }

  /// One file's blocks (merged duplicates once each), in no particular order; empty when the
  /// profile has none for `file` (an import-path-qualified name such as `example.com/m/pkg/a.go`).
  ///
  /// Looks up that file alone, so a caller interested in a few files never copies the profile.
  public func blocks(ofFile file: String) -> [CoverBlock] {
    guard let blocks = files[file] else { return [] }
    return blocks.map { key, value in
      CoverBlock(
        startLine: Int(key.startLine), startColumn: Int(key.startColumn), endLine: Int(key.endLine),
        endColumn: Int(key.endColumn), statements: Int(value.statements), count: Int64(value.count))
    }
  }

  /// The number of distinct blocks, for tests and diagnostics.
  public var blockCount: Int { files.values.reduce(0) { $0 + $1.count } }
}

extension CoverProfile.BlockValue {
  /// Adds a duplicate block's count (`set` mode: ORs them).
  ///
  /// Saturates at `Int64.max`: a profile may repeat a block with 18-digit counts, and a sum that
  /// wrapped to a negative or zero count would turn a block that ran into one that did not.
  mutating func merge(count other: Int64, or: Bool) {
    if or {
      count = (count != 0 || other != 0) ? 1 : 0
    } else {
      let (sum, overflow) = count.addingReportingOverflow(other)
      count = overflow ? .max : sum
    }
  }
}

/// A coverprofile is malformed or unreadable.
public struct CoverProfileError: Error, Sendable, CustomStringConvertible {
  /// The profile file.
  public var path: String
  /// The 1-based line, when the problem is on one.
  public var line: Int?
  /// What is wrong.
  public var reason: String

  public var description: String {
    let location = line.map { "\(path):\($0)" } ?? path
    return "coverage profile \(location): \(reason). Expected Go's format: a `mode:` line, then "
      + "`file.go:line.col,line.col statements count` lines."
  }
}
