import CovEngine
import Foundation
import TestSupport
import Testing

/// The gate on real Go modules with the real toolchain.
@Suite(.serialized) struct GateIntegrationTests {
  static let module = "example.com/gatecheck"

  func gate(_ directory: String, _ configure: (inout GateConfiguration) -> Void = { _ in }) async throws -> CovResults {
    var configuration = GateConfiguration(moduleDirectory: directory, parallelism: 2)
    configure(&configuration)
    return try await CoverageGate(go: try GoFixture.toolchain()).run(configuration)
  }

  func package(_ results: CovResults, _ name: String) throws -> PackageResult {
    try #require(results.packages.first { $0.importPath == "\(Self.module)/\(name)" }, "no package \(name)")
  }

  @Test func decidesEveryKindOfPackage() async throws {
    let directory = try GoFixture.copy("gatecheck")
    let results = try await gate(directory)
    #expect(results.strategy == .single)
    #expect(results.module == Self.module)
    #expect(results.goVersion.hasPrefix("go1."))
    let statuses = Dictionary(uniqueKeysWithValues: results.packages.map { ($0.importPath, $0.status) })
    #expect(
      statuses == [
        "\(Self.module)/pass": .pass, "\(Self.module)/fail": .fail, "\(Self.module)/loose": .loose,
        "\(Self.module)/notests": .fail, "\(Self.module)/nostmts": .noStatements,
        "\(Self.module)/testfail": .testFail, "\(Self.module)/buildfail": .buildFail,
        "\(Self.module)/src/ext": .fail, "\(Self.module)/tests/ext": .noStatements,
      ])
    #expect(!results.verdict.passed)
    let loose = try package(results, "loose")
    #expect(loose.floorSource == .file && loose.floorFile == "loose/.covgate")
    #expect(loose.suggestedFloor == Percent(units: 1000, scale: 1))
  }

  /// Every measured package's numbers equal what go's own tools compute.
  @Test(arguments: ["pass", "fail", "loose", "notests", "testfail", "src/ext"])
  func numbersMatchGoToolCover(name: String) async throws {
    let directory = try GoFixture.copy("gatecheck")
    let results = try await gate(directory) { $0.patterns = ["./\(name)"] }
    let measured = try package(results, name)
    let independent = try await IndependentCoverage.measure(package: "\(Self.module)/\(name)", in: directory)
    #expect(measured.coverage == independent.coverage)
    #expect(abs((measured.percent ?? 0) - independent.coverFuncPercent) <= 0.05)
    #expect(independent.coverage.total > 0, "the fixture package must have statements")
  }

  @Test func singleAndPerPackageGiveIdenticalPackageResults() async throws {
    let directory = try GoFixture.copy("gatecheck")
    let single = try await gate(directory) { $0.strategy = .single }
    let perPackage = try await gate(directory) { $0.strategy = .perPackage }
    #expect(single.strategy == .single && perPackage.strategy == .perPackage)
    #expect(perPackage.timings.prewarmSeconds > 0)
    func essentials(_ results: CovResults) -> [String] {
      results.packages.map {
        "\($0.importPath) \($0.status.rawValue) \($0.coveredStatements)/\($0.totalStatements) "
          + "\($0.tests.passed)/\($0.tests.failed)/\($0.tests.skipped) \($0.failedTests)"
      }
    }
    #expect(essentials(single) == essentials(perPackage))
    #expect(single.packages.count == 9)
  }

  @Test func testsFromTheTestTreeCountForTheirPackage() async throws {
    let directory = try GoFixture.copy("gatecheck")
    let results = try await gate(directory) {
      $0.testDirectories = TestDirectoryMapping(testDirectory: "tests", sourcePrefix: "src")
    }
    #expect(results.strategy == .perPackage, "auto picks per-package when tests live elsewhere")
    let ext = try package(results, "src/ext")
    #expect(ext.coverage == StatementCoverage(covered: 2, total: 3))
    #expect(ext.tests.passed == 1)
    #expect(!results.packages.contains { $0.importPath == "\(Self.module)/tests/ext" })
  }

  @Test func tellsBuildFailuresFromTestFailures() async throws {
    let directory = try GoFixture.copy("gatecheck")
    for strategy in [StrategyChoice.single, .perPackage] {
      let results = try await gate(directory) {
        $0.patterns = ["./buildfail", "./testfail"]
        $0.strategy = strategy
      }
      let build = try package(results, "buildfail")
      #expect(build.status == .buildFail)
      #expect(build.output.contains("cannot use Two()"), "\(strategy): \(build.output)")
      let test = try package(results, "testfail")
      #expect(test.status == .testFail)
      #expect(test.failedTests == ["TestBroken", "TestBroken/inner"])
      #expect(test.tests == TestCounts(passed: 1, failed: 2, skipped: 0))
      #expect(test.output.contains("boom"))
      #expect(test.testCases.map(\.name) == ["TestOne", "TestBroken", "TestBroken/inner"])
      #expect(test.coverage.total > 0, "coverage is still measured when tests fail")
    }
  }

  @Test func excludedPackagesAreSkippedNotMeasured() async throws {
    let directory = try GoFixture.copy("gatecheck")
    let results = try await gate(directory) { $0.excludes = ["./notests", "example.com/gatecheck/build..."] }
    #expect(try package(results, "notests").status == .skipped)
    #expect(try package(results, "notests").skipReason == .excluded)
    #expect(try package(results, "buildfail").status == .skipped)
    #expect(try package(results, "pass").status == .pass)
  }

  @Test func aMalformedFloorFileIsAnErrorNamingTheFile() async throws {
    let directory = try GoFixture.copy("gatecheck")
    try "ninety\n".write(toFile: directory + "/pass/.covgate", atomically: true, encoding: .utf8)
    await #expect {
      _ = try await gate(directory)
    } throws: { error in
      "\(error)".contains("pass/.covgate:1") && "\(error)".contains("\"ninety\" is not a percentage")
    }
  }

  @Test(arguments: [StrategyChoice.single, .perPackage])
  func aHangingTestTimesOutAsATestFailure(strategy: StrategyChoice) async throws {
    let directory = try GoFixture.copy("hang")
    let results = try await gate(directory) {
      $0.timeout = .seconds(3)
      $0.strategy = strategy
    }
    let slow = try #require(results.packages.first { $0.importPath == "example.com/hang/slow" })
    #expect(slow.status == .testFail)
    #expect(slow.output.contains("timed out"), "\(slow.output)")
    #expect(slow.failedTests.contains { $0.hasPrefix("TestHang") })
    #expect(results.packages.first { $0.importPath == "example.com/hang/quick" }?.status == .pass)
    #expect(ProcessScan.processes(workingUnder: directory).isEmpty)
  }

  @Test func cancellationStopsEveryChildAndKeepsWhatWasMeasured() async throws {
    let directory = try GoFixture.copy("hang")
    let quickDone = AsyncStream<Void>.makeStream()
    let go = try GoFixture.toolchain()
    let run = Task {
      var configuration = GateConfiguration(moduleDirectory: directory, parallelism: 2)
      configuration.strategy = .perPackage
      return try await CoverageGate(go: go).run(configuration) { event in
        if case .packageFinished(let path, _, _) = event, path == "example.com/hang/quick" {
          quickDone.continuation.yield()
        }
      }
    }
    for await _ in quickDone.stream { break }
    #expect(!ProcessScan.processes(workingUnder: directory).isEmpty, "the hanging test is running")
    run.cancel()
    let results = try await run.value
    #expect(results.interrupted)
    #expect(!results.verdict.passed)
    let slow = try #require(results.packages.first { $0.importPath == "example.com/hang/slow" })
    #expect(slow.status == .skipped && slow.skipReason == .interrupted)
    let quick = try #require(results.packages.first { $0.importPath == "example.com/hang/quick" })
    #expect(quick.coverage == StatementCoverage(covered: 1, total: 1))
    #expect(ProcessScan.processes(workingUnder: directory).isEmpty, "no go process outlives the run")
  }

  @Test func aMissingDirectoryPatternIsAClearError() async throws {
    let directory = try GoFixture.copy("gatecheck")
    await #expect {
      _ = try await gate(directory) { $0.patterns = ["./nope"] }
    } throws: { error in
      "\(error)".contains("nope")
    }
  }
}
