import CovEngine
import Foundation
import Testing

@testable import Reporters

/// Patch coverage in the terminal table, JUnit and the step outputs.
@Suite struct PatchTextReportTests {
  static let schemaPath = Bundle.module.path(forResource: "junit", ofType: "xsd", inDirectory: "Resources")!

  /// 19 covered, 2 partial, 5 missed over three files, one of them never measured.
  static func patch(floor: String?) -> PatchResult {
    PatchResult(
      base: String(repeating: "c", count: 40),
      files: [
        PatchFileCoverage(
          path: "pkg/b.go", changedLines: 20, coveredLines: 10, partialLines: 2, missedLines: 1,
          missedRanges: [LineRange(start: 40, end: 40)], partialRanges: [LineRange(start: 7, end: 8)], measured: true),
        PatchFileCoverage(
          path: "pkg/a.go", changedLines: 15, coveredLines: 9, missedLines: 4,
          missedRanges: [LineRange(start: 12, end: 14), LineRange(start: 30, end: 30)], measured: true),
        PatchFileCoverage(path: "pkg/tagged.go", changedLines: 6, measured: false),
      ],
      floor: floor.map { Percent($0)! })
  }

  static func results(floor: String?) -> CovResults {
    var results = Fixtures.results()
    results.patch = patch(floor: floor)
    results.refreshVerdict()
    return results
  }

  @Test func theTerminalShowsOneLineAndTheRangesOnRequest() {
    let plain = TerminalTable.render(Self.results(floor: nil))
    #expect(
      plain.contains(
        "\nPATCH 73.0% of 26 changed lines: 19 covered, 2 partial, 5 missed, 1 changed file not measured\n"))
    #expect(!plain.contains("pkg/a.go"))
    let detailed = TerminalTable.render(Self.results(floor: "80"), showUncovered: true)
    #expect(detailed.contains("PATCH FAIL 73.0% of 26 changed lines (floor 80.0)"))
    // Most missed first, then the files the measurement never saw.
    let lines = detailed.split(separator: "\n").filter { $0.hasPrefix("    pkg/") }
    #expect(
      lines == [
        "    pkg/a.go: missed 12–14, 30", "    pkg/b.go: missed 40; partial 7–8",
        "    pkg/tagged.go: not measured (no coverage block: build tags, or its package was not run)",
      ])
    #expect(TerminalTable.render(Self.results(floor: "73")).contains("PATCH PASS 73.0%"))
    #expect(!TerminalTable.render(Fixtures.results()).contains("PATCH"))
  }

  @Test func hostilePathsCannotWriteControlCharactersToTheTerminal() {
    var patch = Self.patch(floor: nil)
    patch.files[0].path = "pkg/\u{1B}[2Jx\n::error::boom.go"
    let text = TerminalTable.uncoveredLines(patch).joined(separator: "\n")
    #expect(!text.contains("\u{1B}"))
    #expect(!text.contains("\n::error::"))
  }

  @Test(arguments: [nil, "80", "73"])
  func junitHasAPatchCaseThatFailsBelowTheFloor(floor: String?) throws {
    let results = Self.results(floor: floor)
    let xml = try JUnitReport().render(results)
    #expect(try LibXML.validationErrors(xml, schemaPath: Self.schemaPath) == [])
    let root = try LibXML.parse(xml)
    let cases = try #require(root.children("testsuite").first).children("testcase")
    let patchCase = try #require(cases.last)
    #expect(patchCase.attributes["name"] == "patch coverage")
    #expect(cases.count == results.packages.count + 1)
    #expect((patchCase.child("failure") != nil) == (floor == "80"))
    let failures = cases.count { $0.child("failure") != nil }
    #expect(root.int("failures") == failures)
    let output = try #require(patchCase.child("system-out")).text
    #expect(output.contains("pkg/a.go: 69.23% of 13 changed lines; missed 12–14, 30"))
    #expect(output.contains("pkg/tagged.go: not measured"))
    #expect(try !JUnitReport().render(Fixtures.results()).contains("patch coverage"))
  }

  @Test func theStepOutputCarriesTheFigure() {
    let outputs = Dictionary(uniqueKeysWithValues: GitHubActionsOutput.outputs(for: Self.results(floor: nil)))
    #expect(outputs["patch-coverage"] == "73.0")
    let none = Dictionary(uniqueKeysWithValues: GitHubActionsOutput.outputs(for: Fixtures.results()))
    #expect(none["patch-coverage"] == "")
    var empty = Fixtures.results()
    empty.patch = PatchResult(base: nil, files: [], floor: nil)
    #expect(Dictionary(uniqueKeysWithValues: GitHubActionsOutput.outputs(for: empty))["patch-coverage"] == "")
  }
}
