import CovEngine
import Testing

@testable import Reporters

/// Check-run annotations for the changed lines no test ran.
@Suite struct PatchAnnotationTests {
  @Test func oneWarningPerMissedRangeMostMissedFirstThenNoticesForPartialRanges() {
    let annotations = AnnotationBuilder.patchAnnotations(for: PatchFixtures.results(PatchFixtures.patch()))
    #expect(
      annotations.map { "\($0.level.rawValue) \($0.path):\($0.startLine)-\($0.endLine) \($0.message)" } == [
        "warning parse/lexer.go:12-14 Lines 12–14 changed here are not run by any test",
        "warning parse/lexer.go:20-20 Line 20 changed here is not run by any test",
        "warning parse/parser.go:7-7 Line 7 changed here is not run by any test",
        "notice parse/lexer.go:30-31 Lines 30–31 changed here are only partly run by tests",
      ])
    #expect(annotations.map(\.title).first == "Changed lines not covered")
    #expect(
      AnnotationBuilder.patchAnnotations(for: PatchFixtures.results(PatchFixtures.patch()), includePartial: false)
        .allSatisfy { $0.level == .warning })
  }

  @Test func noPatchNoAnnotations() {
    #expect(AnnotationBuilder.patchAnnotations(for: PatchFixtures.results(nil)).isEmpty)
  }

  @Test func pathsStayRepositoryRelativeWhateverTheModulePrefix() {
    // The package annotations get the module's prefix; the patch's paths already start at the repository root.
    let annotations = AnnotationBuilder.patchAnnotations(for: PatchFixtures.results(PatchFixtures.patch()))
    #expect(Set(annotations.map(\.path)) == ["parse/lexer.go", "parse/parser.go"])
  }

  @Test func theBiggestGapsSurviveTheCap() {
    let files = (0..<30).map { index in
      PatchFixtures.file("f\(index).go", missed: (0..<50).map { ($0 * 10 + 1, $0 * 10 + 1 + index % 4) })
    }
    let annotations = AnnotationBuilder.patchAnnotations(
      for: PatchFixtures.results(PatchResult(base: nil, files: files, floor: nil)))
    #expect(annotations.count == AnnotationBuilder.patchAnnotationLimit)
    let sizes = annotations.map { $0.endLine - $0.startLine + 1 }
    #expect(sizes == sizes.sorted(by: >))
    // 1,500 ranges: 400 of one line, 400 of two, 350 of three, 350 of four; the 700 longest all made it.
    #expect(sizes.count { $0 >= 3 } == 700)
    #expect(annotations.allSatisfy { $0.level == .warning })
  }

  @Test func hostilePathsKeepTheirNameAndBidiIsRevealedInText() {
    let path = "x\u{202E}og.tset.go"
    let patch = PatchResult(base: nil, files: [PatchFixtures.file(path, missed: [(1, 2)])], floor: nil)
    let annotation = AnnotationBuilder.patchAnnotations(for: PatchFixtures.results(patch))
    // GitHub matches the path to the diff's file, so it is sent as is; the text holds no name at all.
    #expect(annotation.map(\.path) == [path])
    #expect(annotation.allSatisfy { !$0.message.contains(path) && !$0.title.contains(path) })
  }
}
