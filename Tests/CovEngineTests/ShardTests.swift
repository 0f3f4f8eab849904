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
}
