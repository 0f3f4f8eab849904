import CovEngine
import Foundation
import TestSupport
import Testing

@Suite struct ShardPlanTests {
  static func durations(count: Int, seed: UInt64) -> [String: Double] {
    var state = seed
    var result: [String: Double] = [:]
    for index in 0..<count {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let uniform = Double(state >> 11) / Double(1 << 53)
      result["example.com/m/p\(index)"] = 0.2 + 30 * uniform * uniform
    }
    return result
  }

  @Test(arguments: [1, 2, 3, 7, 16])
  func everyPackageLandsInExactlyOneShard(count: Int) {
    let durations = Self.durations(count: 57, seed: 42)
    let plan = ShardPlan(count: count, expectedSeconds: durations, basis: "history")
    let assigned = plan.shards.flatMap(\.packages)
    #expect(assigned.count == durations.count)
    #expect(Set(assigned) == Set(durations.keys))
    #expect(plan.shards.map(\.index) == Array(1...count))
  }

  @Test func isDeterministicWhateverTheInputOrder() {
    let durations = Self.durations(count: 120, seed: 7)
    let first = ShardPlan(count: 5, expectedSeconds: durations, basis: "history")
    let shuffled = Dictionary(uniqueKeysWithValues: durations.shuffled())
    #expect(ShardPlan(count: 5, expectedSeconds: shuffled, basis: "history") == first)
  }

  @Test(arguments: [2, 4, 8, 16])
  func slowestShardIsWithinTenPercentOfIdealFor200Packages(count: Int) {
    let plan = ShardPlan(count: count, expectedSeconds: Self.durations(count: 200, seed: 2026), basis: "history")
    #expect(plan.makespan <= plan.ideal * 1.10, "makespan \(plan.makespan) vs ideal \(plan.ideal)")
  }

  /// Packages as `go list -json` would list them, each with `files` Go files and one test file.
  static func packages(_ files: [String: Int]) throws -> [GoPackage] {
    let objects = files.map { path, count in
      let names = (0..<count).map { "\"f\($0).go\"" }.joined(separator: ",")
      return "{\"ImportPath\":\"\(path)\",\"GoFiles\":[\(names)],\"TestGoFiles\":[\"x_test.go\"]}"
    }
    return try JSONDecoder().decode([GoPackage].self, from: Data("[\(objects.joined(separator: ","))]".utf8))
  }

  /// One go test process: one package's test binary runs 1 s, 9 others 0.02 s each, and the
  /// 60 worker-seconds of building belong to no package. Planned on test times alone the slow
  /// test would get a shard to itself and the other shard would build everything.
  @Test func sharedBuildTimeIsChargedToPackagesBySize() throws {
    var files = ["m/slow": 2]
    var seconds = ["m/slow": 1.0]
    for index in 0..<9 {
      files["m/p\(index)"] = 2
      seconds["m/p\(index)"] = 0.02
    }
    let packages = try Self.packages(files)
    let history = DurationHistory(packageSeconds: seconds, sharedSeconds: 60)
    let plan = ShardPlan(count: 2, packages: packages, history: history)
    #expect(plan.shards.map(\.packages.count).sorted() == [5, 5])
    #expect(plan.makespan <= plan.ideal * 1.10)

    let testTimesOnly = ShardPlan(count: 2, packages: packages, history: DurationHistory(packageSeconds: seconds))
    #expect(testTimesOnly.shards.map(\.packages.count).sorted() == [1, 9], "the failure mode this guards against")
  }

  @Test func packagesWithoutHistoryCostTheHistorysSecondsPerFileIncludingSharedTime() throws {
    let packages = try Self.packages(["m/known": 3, "m/new": 3])
    let plan = ShardPlan(
      count: 2, packages: packages, history: DurationHistory(packageSeconds: ["m/known": 1], sharedSeconds: 7))
    // 4 files: 1 s own + 7 s shared for the known package; the new one of the same size costs the same.
    #expect(plan.shards.map(\.expectedSeconds).allSatisfy { abs($0 - 8) < 1e-9 })
    #expect(plan.basis == "history+estimate")
  }

  @Test func historyFromResultsKeepsWhatTheTestProcessesDidNotExplain() {
    let packages = [("m/a", 2.0), ("m/b", 1.0)].map { path, seconds in
      PackageResult(
        importPath: path, directory: ".", floor: Percent(units: 0, scale: 0), floorSource: .default, floorFile: nil,
        coverage: .zero, status: .pass, durationSeconds: seconds, firstGoFile: nil)
    }
    let results = CovResults(
      toolVersion: "t", module: "m", moduleDirectory: "/m", goVersion: "go", strategy: .single, startedAt: Date(),
      settings: GateSettings(), timings: Timings(measureSeconds: 10, parallelism: 2), packages: packages)
    let history = DurationHistory(results: results)
    #expect(history.packageSeconds == ["m/a": 2, "m/b": 1])
    #expect(history.sharedSeconds == 17)
  }

  @Test func resultsWrittenBeforeParallelismWasRecordedStillRead() throws {
    let json = #"{"prewarmSeconds":0,"measureSeconds":3,"totalSeconds":4,"selfCPUSeconds":0.1}"#
    #expect(try JSONDecoder().decode(Timings.self, from: Data(json.utf8)).parallelism == 1)
  }

  @Test func selectionParsesKOverN() {
    #expect(ShardSelection("2/4")?.index == 2)
    #expect(ShardSelection("0/4") == nil)
    #expect(ShardSelection("5/4") == nil)
    #expect(ShardSelection("x/4") == nil)
  }
}

@Suite(.serialized) struct ShardMergeTests {
  func gate(_ directory: String, shard: String?, commit: String = "abc123") async throws -> CovResults {
    var configuration = GateConfiguration(moduleDirectory: directory, parallelism: 2, commit: commit)
    configuration.shard = shard.flatMap(ShardSelection.init)
    return try await CoverageGate(go: try GoFixture.toolchain()).run(configuration)
  }

  /// Timing fields differ run to run; everything else must be identical.
  static func withoutTimings(_ package: PackageResult) -> PackageResult {
    var package = package
    package.durationSeconds = 0
    package.testCases = package.testCases.map { test in
      var test = test
      test.startedAt = nil
      test.elapsedSeconds = 0
      return test
    }
    package.output = package.output.replacing(/\d+\.\d+s/, with: "T")
    return package
  }

  @Test func threeShardsMergedEqualOneRun() async throws {
    let directory = try GoFixture.copy("gatecheck")
    let whole = try await gate(directory, shard: nil)
    var shards: [(path: String, results: CovResults)] = []
    for index in 1...3 {
      shards.append(("shard-\(index).json", try await gate(directory, shard: "\(index)/3")))
    }
    #expect(shards.allSatisfy { !$0.results.packages.isEmpty }, "every shard gets work")
    let merged = try ResultsMerger.merge(shards.reversed())
    #expect(merged.packages.map(Self.withoutTimings) == whole.packages.map(Self.withoutTimings))
    #expect(merged.verdict == whole.verdict)
    #expect(merged.shard == nil)
  }

  @Test func refusesInconsistentShards() async throws {
    let directory = try GoFixture.copy("gatecheck")
    let one = try await gate(directory, shard: "1/2")
    let two = try await gate(directory, shard: "2/2")
    let otherCommit = try await gate(directory, shard: "2/2", commit: "def456")
    func reason(_ inputs: [(path: String, results: CovResults)]) -> String {
      do {
        _ = try ResultsMerger.merge(inputs)
        return "merged"
      } catch {
        return error.description
      }
    }
    #expect(reason([("a", one), ("b", two)]) == "merged")
    #expect(reason([("a", one), ("b", otherCommit)]).contains("commit def456 differs"))
    #expect(reason([("a", one), ("b", one)]).contains("shard 1 was already given by a"))
    #expect(reason([("a", one)]).contains("shard(s) 2 of 2 missing"))
    var tampered = two
    tampered.packages.removeFirst()
    #expect(reason([("a", one), ("b", tampered)]).contains("no shard measured"))
    var otherTool = two
    otherTool.toolVersion = "9.9.9"
    #expect(reason([("a", one), ("b", otherTool)]).contains("covbot 9.9.9 differs"))
    var otherModule = two
    otherModule.module = "example.com/other"
    #expect(reason([("a", one), ("b", otherModule)]).contains("module example.com/other differs"))
  }

  /// Found by fuzzing: shards that each report the largest accepted parallelism or CPU time merged
  /// into a file that `covbot report` then refused; a package outside the plan was merged silently.
  @Test func mergedResultsStayReadableAndWithinThePlan() async throws {
    let directory = try GoFixture.copy("gatecheck")
    var one = try await gate(directory, shard: "1/2")
    var two = try await gate(directory, shard: "2/2")
    for index in [0, 1] {
      var timings = index == 0 ? one.timings : two.timings
      timings.parallelism = ResultsLimits.maxParallelism
      timings.selfCPUSeconds = ResultsLimits.maxSeconds
      if index == 0 { one.timings = timings } else { two.timings = timings }
    }
    let merged = try ResultsMerger.merge([("a", one), ("b", two)])
    let reread = try ResultsFile.decodeResults(try ResultsFile.encode(merged), path: "merged.json")
    #expect(reread.timings.parallelism == ResultsLimits.maxParallelism)
    #expect(reread.timings.selfCPUSeconds == ResultsLimits.maxSeconds)

    var stray = two
    var extra = try #require(two.packages.first)
    extra.importPath = "example.com/elsewhere"
    stray.packages.append(extra)
    let error = #expect(throws: MergeError.self) { try ResultsMerger.merge([("a", one), ("b", stray)]) }
    #expect(error?.description.contains("b: package example.com/elsewhere is not in the shard plan") == true)
  }
}
