import CovEngine
import Testing

@Suite struct PatchLineModelTests {
  static let module = GoModuleLocation(modulePath: "example.com/m", directory: "")

  private func coverage(_ profile: String, lines: [Int], path: String = "pkg/a.go") throws -> PatchFileCoverage {
    let parsed = try CoverProfile.parse(profile)
    let changed = ChangedLines(files: [path: lines])
    let files = PatchCoverage.files(profile: parsed, changed: changed, modules: [Self.module])
    return try #require(files.first)
  }

  @Test func endColumnOneDoesNotSpanTheNextLine() throws {
    // `return` on line 7 and `}` on line 8: the block ends at 8.1 and does not reach line 8.
    let file = try coverage("mode: set\nexample.com/m/pkg/a.go:7.3,8.1 1 0\n", lines: [7, 8])
    #expect(file.missedLines == 1)
    #expect(file.missedRanges == [LineRange(start: 7, end: 7)])
    #expect(file.coveredLines == 0 && file.partialLines == 0)
    #expect(file.changedLines == 2)
  }

  @Test func endColumnTwoSpansTheLastLine() throws {
    let file = try coverage("mode: set\nexample.com/m/pkg/a.go:7.3,8.2 1 1\n", lines: [7, 8, 9])
    #expect(file.coveredLines == 2)
    #expect(file.missedLines == 0)
  }

  @Test func lineSpannedByARunAndAnIdleBlockIsPartial() throws {
    let file = try coverage(
      """
      mode: count
      example.com/m/pkg/a.go:3.10,5.3 2 4
      example.com/m/pkg/a.go:5.3,7.2 1 0
      """, lines: [3, 4, 5, 6, 7])
    #expect(file.coveredLines == 2)  // 3, 4
    #expect(file.partialLines == 1)  // 5
    #expect(file.missedLines == 2)  // 6, 7
    #expect(file.partialRanges == [LineRange(start: 5, end: 5)])
    #expect(file.missedRanges == [LineRange(start: 6, end: 7)])
  }

  @Test func zeroStatementBlocksDoNotCount() throws {
    let file = try coverage(
      """
      mode: set
      example.com/m/pkg/a.go:10.1,12.2 0 0
      example.com/m/pkg/a.go:11.1,11.9 1 1
      """, lines: [10, 11, 12])
    #expect(file.coveredLines == 1)
    #expect(file.missedLines == 0)
    #expect(file.partialLines == 0)
    #expect(file.measured)
  }

  @Test func linesWithoutBlocksDoNotCountButTheFileIsMeasured() throws {
    let file = try coverage("mode: set\nexample.com/m/pkg/a.go:20.1,21.2 1 1\n", lines: [1, 2])
    #expect(file.measured)
    #expect(file.coverage == StatementCoverage(covered: 0, total: 0))
  }

  @Test func fileWithoutBlocksIsListedAsNotMeasured() throws {
    let file = try coverage("mode: set\nexample.com/m/pkg/b.go:1.1,2.2 1 1\n", lines: [1, 2, 3])
    #expect(file == PatchFileCoverage(path: "pkg/a.go", changedLines: 3, measured: false))
  }

  @Test func missedRangesAreRunsOfConsecutiveCountedLines() throws {
    let file = try coverage(
      """
      mode: set
      example.com/m/pkg/a.go:1.1,3.5 1 0
      example.com/m/pkg/a.go:5.1,6.5 1 0
      """, lines: [1, 2, 3, 4, 5, 6])
    #expect(file.missedRanges == [LineRange(start: 1, end: 3), LineRange(start: 5, end: 6)])
  }

  @Test func mapsProfileNamesThroughAModuleInASubdirectory() throws {
    let profile = try CoverProfile.parse("mode: set\nexample.com/m/pkg/a.go:1.1,1.9 1 1\n")
    let changed = ChangedLines(files: ["svc/pkg/a.go": [1], "other/pkg/a.go": [1]])
    let modules = [GoModuleLocation(modulePath: "example.com/m", directory: "svc/")]
    let files = PatchCoverage.files(profile: profile, changed: changed, modules: modules)
    #expect(files.map(\.path) == ["other/pkg/a.go", "svc/pkg/a.go"])
    #expect(files.map(\.measured) == [false, true])
    #expect(modules[0].profileName(ofRepositoryPath: "svc/pkg/a.go") == "example.com/m/pkg/a.go")
  }

  @Test func resultComparesAgainstTheFloorExactly() {
    // 7996 of 10000 lines is 79.96%: it must not pass 80.0.
    let file = PatchFileCoverage(
      path: "a.go", changedLines: 10_000, coveredLines: 7996, missedLines: 2004,
      missedRanges: [LineRange(start: 1, end: 2004)], measured: true)
    #expect(PatchResult(base: nil, files: [file], floor: Percent("80.0")).status == .fail)
    #expect(PatchResult(base: nil, files: [file], floor: Percent("79.96")).status == .pass)
    #expect(PatchResult(base: nil, files: [file], floor: nil).status == .info)
    let empty = PatchResult(base: nil, files: [], floor: Percent("90"))
    #expect(empty.status == .pass)
    #expect(empty.percent == nil)
  }

  @Test(arguments: [
    ("pkg/a.go", true), ("pkg/a_test.go", false), ("pkg/README.md", false), ("a.go", true),
    ("pkg/testdata/x.go", false), ("vendor/x/y.go", false), (".hidden/a.go", false), ("_tools/a.go", false),
    ("pkg/_x.go", false), ("pkg/.x.go", false), ("/abs.go", false), ("p/\u{7}.go", false),
  ])
  func goSourceFilter(path: String, kept: Bool) {
    let changed = ChangedLines(files: [path: [1]]).goSourceFiles()
    #expect((changed.files[path] != nil) == kept)
  }

  @Test func insideKeepsOnlyTheMeasuredModulesFiles() {
    let changed = ChangedLines(files: ["svc/a.go": [1], "svcx/a.go": [1], "a.go": [1]])
    let modules = [GoModuleLocation(modulePath: "example.com/m", directory: "svc")]
    #expect(changed.inside(modules).paths == ["svc/a.go"])
    #expect(changed.inside([Self.module]).paths == ["a.go", "svc/a.go", "svcx/a.go"])
  }

  @Test(arguments: [
    ("// Code generated by stringer; DO NOT EDIT.\n\npackage x\n", true),
    ("// Copyright 2026\n\n// Code generated by protoc-gen-go. DO NOT EDIT.\npackage x\n", true),
    ("/* license\n   text */\n// Code generated x DO NOT EDIT.\r\npackage x\n", true),
    ("package x\n\n// Code generated by hand. DO NOT EDIT.\n", false),
    ("// Code generated by hand. DO NOT EDIT\npackage x\n", false),
    ("  // Code generated by x. DO NOT EDIT.\npackage x\n", false),
    ("//Code generated by x. DO NOT EDIT.\npackage x\n", false),
    ("/* // Code generated by x. DO NOT EDIT. */\npackage x\n", false),
    ("\u{FEFF}// Code generated by x. DO NOT EDIT.\npackage x\n", true),
    ("", false),
  ])
  func generatedFiles(content: String, generated: Bool) {
    let changed = ChangedLines(files: ["g.go": [1]]).excludingGenerated { _ in Array(content.utf8) }
    #expect(changed.files.isEmpty == generated)
  }

  @Test func generatedCheckReadsOnlyTheBoundedHead() {
    let comments = String(repeating: "// filler\n", count: GeneratedGoFile.readLimit / 10 + 1)
    let content = comments + "// Code generated by x. DO NOT EDIT.\npackage x\n"
    let changed = ChangedLines(files: ["g.go": [1]]).excludingGenerated { _ in Array(content.utf8) }
    #expect(changed.paths == ["g.go"])
    #expect(ChangedLines(files: ["g.go": [1]]).excludingGenerated { _ in nil }.paths == ["g.go"])
  }

  @Test func changedLinesAreSortedAndDistinct() {
    #expect(ChangedLines(files: ["a.go": [5, 1, 5, 3, 0, -2], "b.go": []]).files == ["a.go": [1, 3, 5]])
  }
}

extension PatchLineModelTests {
  @Test(arguments: [
    CoverBlock(startLine: 7, startColumn: 3, endLine: 8, endColumn: 1, statements: 1, count: 0),
    CoverBlock(startLine: 1, startColumn: 1, endLine: Int.max, endColumn: 2, statements: 1, count: 1),
    CoverBlock(startLine: Int.min, startColumn: 1, endLine: Int.min, endColumn: 1, statements: 1, count: 1),
    CoverBlock(startLine: 9, startColumn: 1, endLine: 3, endColumn: 9, statements: 1, count: 1),
    CoverBlock(startLine: 5, startColumn: 4, endLine: 5, endColumn: 1, statements: 1, count: 1),
  ])
  func hostileBlocksNeverTrap(block: CoverBlock) {
    let file = PatchCoverage.file(path: "a.go", lines: [1, 5, 7, 8, 9], blocks: [block])
    #expect(file.measured)
    #expect(file.coveredLines + file.partialLines + file.missedLines <= 5)
  }

  @Test func spannedLinesFollowTheExclusiveEndColumn() {
    #expect(
      CoverBlock(startLine: 7, startColumn: 3, endLine: 8, endColumn: 1, statements: 1, count: 0).spannedLines == 7...7)
    #expect(
      CoverBlock(startLine: 7, startColumn: 3, endLine: 8, endColumn: 2, statements: 1, count: 0).spannedLines == 7...8)
    #expect(
      CoverBlock(startLine: 7, startColumn: 3, endLine: 7, endColumn: 1, statements: 1, count: 0).spannedLines == nil)
  }
}
