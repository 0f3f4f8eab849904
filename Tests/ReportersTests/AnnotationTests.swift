import CovEngine
import Testing

@testable import Reporters

@Suite struct AnnotationTests {
  @Test func oneAnnotationPerPackageNeedingAttentionMostImportantFirst() {
    let annotations = AnnotationBuilder.annotations(for: Fixtures.results(), pathPrefix: "go/demo/")
    #expect(
      annotations.map(\.importPath) == [
        "example.com/demo/broken", "example.com/demo/cmd/tool", "example.com/demo/internal/parse",
        "example.com/demo/internal/loose",
      ])
    #expect(annotations.map(\.level) == [.failure, .failure, .failure, .failure])
    #expect(
      annotations.map(\.path) == [
        "go/demo/broken/broken.go", "go/demo/cmd/tool/tool.go", "go/demo/internal/parse/parse.go",
        "go/demo/internal/loose/.covgate",
      ])
    #expect(
      annotations.map(\.title) == [
        "build failed: example.com/demo/broken", "tests failed: example.com/demo/cmd/tool",
        "coverage below floor: example.com/demo/internal/parse", "floor is loose: example.com/demo/internal/loose",
      ])
    #expect(annotations[0].message.contains("broken/x.go:3:1: syntax error"))
    #expect(annotations[1].message == "2 tests failed: TestRun, TestRun/sub_case")
    #expect(annotations[2].message == "coverage 71.9% is below the floor 80.0 (719 of 1000 statements covered)")
    #expect(
      annotations[3].message
        == "floor 90.0 lags coverage 95.3% by more than 0.5 points. Write 95.3 to internal/loose/.covgate")
  }

  @Test func looseFloorsThatOnlyWarnAreWarnings() {
    let annotations = AnnotationBuilder.annotations(for: Fixtures.results(settings: GateSettings(loose: .warn)))
    #expect(annotations.last?.level == .warning)
    #expect(annotations.last?.path == "internal/loose/.covgate")
  }

  @Test func aFailAboveItsFloorIsADrop() {
    var package = Fixtures.package("a", covered: 90, total: 100, status: .fail, floorFile: "a/.covgate", reason: "fell")
    package.firstGoFile = nil
    let annotation = AnnotationBuilder.annotations(for: Fixtures.results([package])).first
    #expect(annotation?.title == "coverage dropped: example.com/demo/a")
    #expect(annotation?.path == "a/.covgate")
  }

  @Test func withoutFloorFileOrGoFileTheModulesGoModIsUsed() {
    var package = Fixtures.package("a", covered: 1, total: 100, status: .fail)
    package.firstGoFile = nil
    #expect(
      AnnotationBuilder.annotations(for: Fixtures.results([package]), pathPrefix: "./sub").first?.path == "sub/go.mod")
  }

  @Test(arguments: [
    ("plain", "plain"), ("100% done", "100%25 done"), ("a\nb", "a%0Ab"), ("a\r\nb", "a%0Ab"), ("x:y,z", "x:y,z"),
    ("\u{1B}[31mred\u{1B}[0m", "red"),
  ])
  func dataIsEscaped(input: String, expected: String) {
    #expect(WorkflowCommands.escapeData(input) == expected)
  }

  @Test(arguments: [("a:b,c", "a%3Ab%2Cc"), ("50%\n", "50%25%0A"), ("x/y.go", "x/y.go")])
  func propertiesAreEscapedFurther(input: String, expected: String) {
    #expect(WorkflowCommands.escapeProperty(input) == expected)
  }

  @Test func commandsPointAtTheFile() {
    let annotation = ReportAnnotation(
      path: "pkg/a,b.go", level: .failure, title: "tests failed: x.com/a", message: "2 tests failed:\nTestA",
      importPath: "x.com/a")
    #expect(
      WorkflowCommands.command(for: annotation)
        == "::error file=pkg/a%2Cb.go,line=1,endLine=1,title=tests failed%3A x.com/a::2 tests failed:%0ATestA")
    var warning = annotation
    warning.level = .warning
    #expect(WorkflowCommands.command(for: warning).hasPrefix("::warning file="))
  }

  @Test func atMostTenOfEachLevelThenOneLineSayingHowManyWereLeftOut() {
    let errors = (0..<14).map {
      ReportAnnotation(path: "e\($0).go", level: .failure, title: "t", message: "m", importPath: "e\($0)")
    }
    let warnings = (0..<11).map {
      ReportAnnotation(path: "w\($0).go", level: .warning, title: "t", message: "m", importPath: "w\($0)")
    }
    let lines = WorkflowCommands.lines(for: errors + warnings)
    #expect(lines.count { $0.hasPrefix("::error ") } == 10)
    #expect(lines.count { $0.hasPrefix("::warning ") } == 10)
    #expect(lines.filter { $0.hasPrefix("::error ") }.map { $0.contains("file=e\(0)") }.first == true)
    #expect(
      lines.last
        == "::notice title=covbot::4 more errors and 1 more warning not shown (GitHub shows 10 of each per step): see the job summary"
    )
    #expect(WorkflowCommands.lines(for: Array(errors.prefix(3))).count == 3)
  }

  @Test func bidiControlsInTitlesAndMessagesAreShown() {
    var results = Fixtures.results()
    results.packages = [
      Fixtures.package(
        "evil\u{202E}og.x", covered: 1, total: 10, status: .testFail, reason: "tests failed \u{2067}here",
        failedTests: ["Test\u{200F}A"])
    ]
    let annotation = AnnotationBuilder.annotations(for: results).first
    #expect(annotation?.title == "tests failed: example.com/demo/evil<U+202E>og.x")
    #expect(annotation?.message == "tests failed <U+2067>here: Test<U+200F>A")
  }
}
