import CovEngine
import Foundation
import Testing

@testable import Reporters

@Suite struct JUnitReportTests {
  static let schemaPath = Bundle.module.path(forResource: "junit", ofType: "xsd", inDirectory: "Resources")!

  static func render(_ results: CovResults, tests: Bool = false) throws -> String {
    try JUnitReport(includeGoTests: tests).render(results)
  }

  @Test(arguments: [false, true])
  func validAgainstTheJUnitSchema(includeGoTests: Bool) throws {
    let xml = try Self.render(Fixtures.results(), tests: includeGoTests)
    #expect(try LibXML.validationErrors(xml, schemaPath: Self.schemaPath) == [])
  }

  @Test func theSchemaRejectsWhatItShould() throws {
    // A control: the schema must be able to fail, or validating against it proves nothing.
    let xml = try Self.render(Fixtures.results())
    let broken = xml.replacingOccurrences(of: "<testcase classname=", with: "<testcase bogus=\"1\" classname=")
    #expect(try !LibXML.validationErrors(broken, schemaPath: Self.schemaPath).isEmpty)
    let badTime = xml.replacingOccurrences(of: "time=\"1.250\"", with: "time=\"soon\"")
    #expect(badTime != xml)
    #expect(try !LibXML.validationErrors(badTime, schemaPath: Self.schemaPath).isEmpty)
  }

  @Test func gateSuiteHasOneTestCasePerPackageWithMatchingCounts() throws {
    let results = Fixtures.results()
    let root = try LibXML.parse(try Self.render(results))
    #expect(root.name == "testsuites")
    let suites = root.children("testsuite")
    #expect(suites.count == 1)
    let gate = try #require(suites.first)
    #expect(gate.attributes["name"] == "covbot")
    let cases = gate.children("testcase")
    #expect(cases.map { $0.attributes["name"] } == results.packages.map(\.importPath))
    #expect(cases.allSatisfy { $0.attributes["classname"] == Fixtures.module })

    let failures = cases.filter { $0.child("failure") != nil }.compactMap { $0.attributes["name"] }
    let errors = cases.filter { $0.child("error") != nil }.compactMap { $0.attributes["name"] }
    let skipped = cases.filter { $0.child("skipped") != nil }.compactMap { $0.attributes["name"] }
    let expectedFailures = results.packages.filter { [.fail, .loose, .testFail].contains($0.status) }.map(\.importPath)
    #expect(failures == expectedFailures)
    #expect(errors == results.packages.filter { $0.status == .buildFail }.map(\.importPath))
    #expect(skipped == results.packages.filter { $0.status == .skipped }.map(\.importPath))

    for element in [root, gate] {
      #expect(element.int("tests") == cases.count)
      #expect(element.int("failures") == failures.count)
      #expect(element.int("errors") == errors.count)
      #expect(element.int("skipped") == skipped.count)
    }
  }

  @Test func failuresSayWhyAndCarryTheGoOutput() throws {
    let root = try LibXML.parse(try Self.render(Fixtures.results()))
    let cases = Dictionary(
      uniqueKeysWithValues: root.descendants("testcase").map { ($0.attributes["name"]!, $0) })
    let parse = try #require(cases["example.com/demo/internal/parse"]?.child("failure"))
    #expect(parse.attributes["message"] == "coverage 71.9% is below the floor 80.0")
    let loose = try #require(cases["example.com/demo/internal/loose"]?.child("failure"))
    #expect(loose.attributes["type"] == "loose-floor")
    #expect(loose.attributes["message"]?.contains("raise the floor to 95.3 in internal/loose/.covgate") == true)
    let tool = try #require(cases["example.com/demo/cmd/tool"]?.child("failure"))
    #expect(tool.attributes["message"] == "2 tests failed: TestRun, TestRun/sub_case")
    #expect(tool.text.contains("--- FAIL: TestRun"))
    let broken = try #require(cases["example.com/demo/broken"]?.child("error"))
    #expect(broken.text.contains("syntax error: unexpected }"))
    let gen = try #require(cases["example.com/demo/gen"]?.child("skipped"))
    #expect(gen.attributes["message"] == "excluded by --exclude")
    let passing = try #require(cases["example.com/demo"]?.child("system-out"))
    #expect(passing.text.contains("coverage 90.0% (90/100 statements); floor 89.8 from .covgate"))
  }

  @Test func aLooseFloorThatOnlyWarnsIsNotAFailure() throws {
    let results = Fixtures.results(settings: GateSettings(loose: .warn))
    let root = try LibXML.parse(try Self.render(results))
    let loose = try #require(root.descendants("testcase").first { $0.attributes["name"]?.hasSuffix("/loose") == true })
    #expect(loose.child("failure") == nil)
    #expect(root.int("failures") == 2)
  }

  @Test func propertiesCarryCoverageFloorAndGoVersion() throws {
    let root = try LibXML.parse(try Self.render(Fixtures.results(), tests: true))
    let suites = root.children("testsuite")
    let gateProperties = Self.properties(suites[0])
    #expect(gateProperties["go.version"] == "go1.27.3")
    // 1772 of 2140 measured statements (skipped packages excluded) = 82.803…%, shown rounded down to at most two decimals.
    #expect(gateProperties["coverage.statements.pct"] == "82.8")
    #expect(gateProperties["coverage.floor.default"] == "80.0")
    #expect(gateProperties["gate.verdict"] == "fail")
    let loose = try #require(suites.first { $0.attributes["name"] == "example.com/demo/internal/loose" })
    let looseProperties = Self.properties(loose)
    #expect(looseProperties["coverage.statements.pct"] == "95.3")
    #expect(looseProperties["coverage.floor"] == "90.0")
    #expect(looseProperties["coverage.floor.source"] == "internal/loose/.covgate")
  }

  @Test func goTestSuitesHoldTheTestsInExecutionOrder() throws {
    let results = Fixtures.results()
    let root = try LibXML.parse(try Self.render(results, tests: true))
    let suites = root.children("testsuite")
    // The gate plus one suite per measured package (the excluded one has none).
    #expect(suites.count == 1 + results.packages.count { $0.status != .skipped })
    let tool = try #require(suites.first { $0.attributes["name"] == "example.com/demo/cmd/tool" })
    let cases = tool.children("testcase")
    #expect(cases.map { $0.attributes["name"] } == ["TestRun", "TestRun/sub_case", "TestOK", "TestSkip"])
    #expect(cases.allSatisfy { $0.attributes["classname"] == "example.com/demo/cmd/tool" })
    #expect(cases.map { $0.attributes["time"] } == ["0.010", "0.002", "0.200", "0.000"])
    #expect(cases[0].attributes["timestamp"] == "2025-06-15T15:06:41Z")
    #expect(tool.attributes["timestamp"] == "2025-06-15T15:06:41Z")
    #expect(cases[0].child("failure")?.text.contains("run_test.go:12") == true)
    #expect(cases[2].children.isEmpty)
    #expect(cases[3].child("skipped") != nil)
    #expect(cases[3].child("system-out")?.text.contains("needs network") == true)
    #expect(tool.int("tests") == 4)
    #expect(tool.int("failures") == 2)
    #expect(tool.int("skipped") == 1)

    let broken = try #require(suites.first { $0.attributes["name"] == "example.com/demo/broken" })
    #expect(broken.children("testcase").map { $0.attributes["name"] } == ["[build failed]"])
    #expect(broken.int("errors") == 1)

    let total = suites.reduce(0) { $0 + $1.children("testcase").count }
    #expect(root.int("tests") == total)
    #expect(root.int("failures") == suites.reduce(0) { $0 + ($1.int("failures") ?? 0) })
    #expect(root.int("errors") == suites.reduce(0) { $0 + ($1.int("errors") ?? 0) })
  }

  @Test func aFailingPackageWithoutFailingTestsGetsATestCaseOfItsOwn() throws {
    let panicked = Fixtures.package(
      "worker", covered: 1, total: 10, status: .testFail, reason: "test binary panicked",
      output: "panic: boom\n", testCases: [TestCaseResult(name: "TestA", outcome: .pass)])
    let root = try LibXML.parse(try Self.render(Fixtures.results([panicked]), tests: true))
    let suite = try #require(root.children("testsuite").last)
    let names = suite.children("testcase").map { $0.attributes["name"] }
    #expect(names == ["TestA", "[package failed]"])
    #expect(suite.children("testcase").last?.child("failure")?.text == "panic: boom\n")
  }

  @Test func controlCharactersAndCDATATerminatorsStayWellFormed() throws {
    let weird = Fixtures.package(
      "weird", covered: 1, total: 10, status: .testFail,
      reason: "bad \u{1B}[1mreason\u{1B}[0m with \u{7} bell and \u{FFFE}",
      failedTests: ["Test\u{1B}Name"],
      output: "a]]>b]]]>c]]\n\u{0}\u{1B}[31mred\u{1B}[0m " + String(decoding: [0x66, 0xFF, 0xC3, 0x28], as: UTF8.self),
      testCases: [TestCaseResult(name: "Test\u{1B}Name]]>", outcome: .fail, output: "x]]>y\u{1}")])
    let xml = try Self.render(Fixtures.results([weird]), tests: true)
    #expect(!xml.unicodeScalars.contains("\u{1B}"))
    #expect(try LibXML.validationErrors(xml, schemaPath: Self.schemaPath) == [])
    let root = try LibXML.parse(xml)
    let failure = try #require(root.descendants("testcase").first?.child("failure"))
    // The text survives the round trip, forbidden characters as U+FFFD.
    #expect(failure.text.hasPrefix("a]]>b]]]>c]]\n\u{FFFD}\u{FFFD}[31mred\u{FFFD}[0m f\u{FFFD}"))
    #expect(failure.attributes["message"]?.contains("bad \u{FFFD}[1mreason") == true)
    let goTest = try #require(root.children("testsuite").last?.children("testcase").first)
    #expect(goTest.attributes["name"] == "Test\u{FFFD}Name]]>")
    #expect(goTest.child("failure")?.text == "x]]>y\u{FFFD}")
  }

  @Test func unsanitizedTextWouldNotBeWellFormed() {
    // The control for the test above: libxml2's parser does reject what its writer would pass through.
    #expect(!LibXML.isWellFormed("<a>\u{1B}[31m</a>"))
    #expect(!LibXML.isWellFormed("<a><![CDATA[x]]>y]]></a>"))
    #expect(LibXML.isWellFormed("<a><![CDATA[x]]]]><![CDATA[>y]]></a>"))
  }

  @Test func fiveThousandPackagesRenderAndValidate() throws {
    let results = Fixtures.large(count: 5_000)
    let xml = try Self.render(results, tests: true)
    #expect(try LibXML.validationErrors(xml, schemaPath: Self.schemaPath) == [])
    let root = try LibXML.parse(xml)
    #expect(root.children("testsuite").first?.children("testcase").count == 5_000)
  }

  @Test(arguments: [
    (0.0, "0.000"), (1.25, "1.250"), (0.0004, "0.000"), (0.0005, "0.001"), (61.2345, "61.235"), (-3, "0.000"),
  ])
  func secondsHaveThreeDecimals(value: Double, expected: String) {
    #expect(JUnitReport.seconds(value) == expected)
  }

  @Test func secondsOfNaNAndInfinityAreZero() {
    #expect(JUnitReport.seconds(.nan) == "0.000")
    #expect(JUnitReport.seconds(.infinity) == "0.000")
  }

  static func properties(_ suite: LibXML.Element) -> [String: String] {
    Dictionary(
      (suite.child("properties")?.children("property") ?? []).map { ($0.attributes["name"]!, $0.attributes["value"]!) },
      uniquingKeysWith: { first, _ in first })
  }
}
