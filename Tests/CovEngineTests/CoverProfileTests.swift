import CovEngine
import Foundation
import Testing

@Suite struct CoverProfileTests {
  @Test func sumsStatementsPerPackageDirectory() throws {
    let profile = try CoverProfile.parse(
      """
      mode: set
      example.com/m/a/a.go:4.2,4.11 1 1
      example.com/m/a/a.go:5.3,6.1 2 0
      example.com/m/a/b.go:7.2,7.10 3 1
      example.com/m/b/b.go:3.16,3.26 4 0
      """)
    let byDirectory = profile.coverageByDirectory()
    #expect(byDirectory["example.com/m/a"] == StatementCoverage(covered: 4, total: 6))
    #expect(byDirectory["example.com/m/b"] == StatementCoverage(covered: 0, total: 4))
    #expect(profile.mode == .set)
  }

  @Test func mergesDuplicateBlocksOnce() throws {
    // The same block reported by two test binaries counts its statements once.
    let profile = try CoverProfile.parse(
      """
      mode: count
      example.com/m/a/a.go:4.2,4.11 2 0
      example.com/m/a/a.go:4.2,4.11 2 3
      example.com/m/a/a.go:9.2,9.11 1 0
      example.com/m/a/a.go:9.2,9.11 1 0
      """)
    #expect(profile.coverageByDirectory()["example.com/m/a"] == StatementCoverage(covered: 2, total: 3))
    #expect(profile.blockCount == 2)
  }

  @Test func mergesProfilesAcrossFiles() throws {
    var first = try CoverProfile.parse("mode: atomic\nm/a/a.go:1.1,2.2 5 0\n")
    let second = try CoverProfile.parse("mode: atomic\nm/a/a.go:1.1,2.2 5 7\nm/a/a.go:3.1,4.2 1 0\n")
    try first.merge(second)
    #expect(first.coverageByDirectory()["m/a"] == StatementCoverage(covered: 5, total: 6))
  }

  @Test func refusesToMergeDifferentModes() throws {
    var first = try CoverProfile.parse("mode: set\nm/a/a.go:1.1,2.2 5 0\n")
    let second = try CoverProfile.parse("mode: count\nm/a/a.go:1.1,2.2 5 7\n")
    #expect(throws: CoverProfileError.self) { try first.merge(second) }
  }

  @Test func acceptsCRLFAndAMissingFinalNewline() throws {
    let profile = try CoverProfile.parse("mode: set\r\nm/a/a.go:1.1,2.2 5 1\r\nm/a/a.go:3.1,4.2 1 0")
    #expect(profile.coverageByDirectory()["m/a"] == StatementCoverage(covered: 5, total: 6))
  }

  @Test(arguments: [
    ("", nil as Int?, "no `mode:` line"),
    ("m/a.go:1.1,2.2 1 1\n", 1, "`mode: set|count|atomic`"),
    ("mode: fast\n", 1, "unknown mode"),
    ("mode: set\nm/a.go:1.1,2.2 1\n", 2, "malformed block"),
    ("mode: set\nm/a.go:1.1-2.2 1 1\n", 2, "malformed block"),
    ("mode: set\nm/a.go:1.1,2.2 x 1\n", 2, "statement count"),
    ("mode: set\n:1.1,2.2 1 1\n", 2, "missing file name"),
    ("mode: set\nm/a.go:1.1,2.2 1 99999999999999999999\n", 2, "too large"),
  ])
  func reportsMalformedProfilesWithTheLine(text: String, line: Int?, reason: String) {
    #expect {
      try CoverProfile.parse(text, path: "cover.out")
    } throws: { error in
      guard let error = error as? CoverProfileError else { return false }
      return error.line == line && error.description.contains(reason) && error.description.contains("cover.out")
    }
  }

  /// Streams a multi-chunk profile from disk and checks the totals against a direct count.
  @Test func streamsALargeProfileFromDisk() throws {
    var text = "mode: count\n"
    var expected: [String: StatementCoverage] = [:]
    for package in 0..<40 {
      for block in 0..<5000 {
        let statements = block % 7 + 1
        let count = (block * 31 + package) % 3
        text += "example.com/big/p\(package)/f.go:\(block + 1).2,\(block + 1).40 \(statements) \(count)\n"
        expected["example.com/big/p\(package)", default: .zero] =
          expected["example.com/big/p\(package)", default: .zero]
          + StatementCoverage(covered: count > 0 ? statements : 0, total: statements)
      }
    }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID()).out").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(text.utf8.count > 4 << 20, "the profile must span several read chunks")
    let profile = try CoverProfile.load(path: path)
    #expect(profile.coverageByDirectory() == expected)
  }
}

@Suite struct CoverProfileCountOverflowTests {
  /// Found by fuzzing: ten 18-digit counts of one block used to wrap to a negative count.
  @Test(arguments: [10, 11, 20, 1_000])
  func duplicateCountsSaturate(repeats: Int) throws {
    let line = "m/a/a.go:1.1,2.2 3 999999999999999999\n"
    let profile = try CoverProfile.parse("mode: count\n" + String(repeating: line, count: repeats))
    let block = try #require(profile.blocks(ofFile: "m/a/a.go").first)
    // Ten or more of these exceed Int64.max (nine fit: 8,999,999,999,999,999,991).
    #expect(block.count == .max)
    #expect(profile.coverageByDirectory()["m/a"] == StatementCoverage(covered: 3, total: 3))
  }

  @Test func nineStillSumExactly() throws {
    let text = "mode: count\n" + String(repeating: "m/a/a.go:1.1,2.2 1 999999999999999999\n", count: 9)
    #expect(try CoverProfile.parse(text).blocks(ofFile: "m/a/a.go").first?.count == 8_999_999_999_999_999_991)
  }

  @Test func mergingProfilesSaturatesToo() throws {
    let text = "mode: atomic\n" + String(repeating: "m/a/a.go:1.1,2.2 1 999999999999999999\n", count: 9)
    var first = try CoverProfile.parse(text)
    try first.merge(try CoverProfile.parse(text))
    #expect(first.blocks(ofFile: "m/a/a.go").first?.count == .max)
  }
}
