import CovEngine
import Foundation

/// Per-package statement coverage from Go coverprofiles, parsed here on purpose (not with CovEngine's
/// parser) so the sanity check compares covbot against an independent computation.
///
/// Blocks are keyed by file and range; a block seen in several profiles counts once and is covered
/// when any profile executed it (the `set` merge; for coverage figures `count` and `atomic` agree).
struct ProfileCoverage: Sendable {
  private struct Block: Sendable {
    var statements: Int
    var covered: Bool
  }

  private var blocks: [String: Block] = [:]

  /// No blocks yet.
  init() {}

  /// Adds the blocks of the profile at `path`.
  mutating func add(profileAt path: String) throws(BenchError) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw BenchError("coverprofile \(path) is missing", next: "See the go test output above.")
    }
    for (number, line) in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).enumerated() {
      if number == 0 && line.hasPrefix("mode:") { continue }
      let fields = line.split(separator: " ")
      guard fields.count == 3, let statements = Int(fields[1]), let count = Int(fields[2]) else {
        throw BenchError("coverprofile \(path) line \(number + 1) is malformed: \(line)", next: "Re-run the benchmark.")
      }
      let key = String(fields[0])
      let previous = blocks[key]
      blocks[key] = Block(statements: statements, covered: (previous?.covered ?? false) || count > 0)
    }
  }

  /// The coverage of the package `importPath` (files directly in it).
  func coverage(of importPath: String) -> StatementCoverage {
    var result = StatementCoverage.zero
    for (key, block) in blocks where Self.package(ofBlock: key) == importPath {
      result.total += block.statements
      if block.covered { result.covered += block.statements }
    }
    return result
  }

  /// `example.com/m/p/file.go:3.1,4.2` → `example.com/m/p`.
  private static func package(ofBlock key: String) -> Substring {
    let file = key[..<(key.lastIndex(of: ":") ?? key.endIndex)]
    return file[..<(file.lastIndex(of: "/") ?? file.startIndex)]
  }
}
