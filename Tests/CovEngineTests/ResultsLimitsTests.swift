import CovEngine
import Foundation
import Testing

/// Results files may come from untrusted code: every out-of-range value is an error naming its field.
@Suite struct ResultsLimitsTests {
  /// A valid results document touching every checked field, as a JSON object to tamper with.
  static func document() throws -> [String: Any] {
    let package = PackageResult(
      importPath: "example.com/m/a", directory: "a", floor: Percent("70")!, floorSource: .file, floorFile: "a/.covgate",
      coverage: StatementCoverage(covered: 8, total: 10), status: .pass, reason: "80.0% ≥ 70.0%",
      suggestedFloor: Percent("79.5"), durationSeconds: 1.5, tests: TestCounts(passed: 2, failed: 0, skipped: 1),
      failedTests: [], output: "ok",
      testCases: [TestCaseResult(name: "TestA", outcome: .pass, elapsedSeconds: 0.25, output: "")])
    var results = CovResults(
      toolVersion: "test", module: "example.com/m", moduleDirectory: "/m", goVersion: "go1.27", strategy: .single,
      commit: "abc", startedAt: Date(timeIntervalSince1970: 1_700_000_000),
      settings: GateSettings(maxDrop: Percent("2")), shard: ShardInfo(index: 1, count: 2, allPackages: ["a", "b"]),
      timings: Timings(prewarmSeconds: 1, measureSeconds: 2, totalSeconds: 3, selfCPUSeconds: 0.5, parallelism: 2),
      packages: [package])
    results.diff = ThresholdDiff(
      baseCommit: "def",
      packages: [
        PackageDelta(
          importPath: "example.com/m/a", presence: .both, basePercent: 75, headPercent: 80, deltaPoints: 5,
          baseFloor: Percent("70"), headFloor: Percent("70"))
      ],
      floorChanges: [FloorChange(importPath: "example.com/m/a", kind: .raised, from: Percent("60"), to: Percent("70"))])
    let data = try ResultsFile.encode(results)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// `object` with `value` at `path` (keys and array indices).
  static func setting(_ value: Any, at path: [Any], in object: Any) -> Any {
    guard let first = path.first else { return value }
    let rest = Array(path.dropFirst())
    if let key = first as? String, var dictionary = object as? [String: Any] {
      dictionary[key] = setting(value, at: rest, in: dictionary[key] ?? [String: Any]())
      return dictionary
    }
    if let index = first as? Int, var array = object as? [Any] {
      array[index] = setting(value, at: rest, in: array[index])
      return array
    }
    return object
  }

  nonisolated(unsafe) static let hostile: [(path: [Any], value: Any, message: String)] = [
    (["packages", 0, "floor"], 1e20, "packages[0].floor: 1e+20 is outside 0–100"),
    (["packages", 0, "floor"], -1, "packages[0].floor: -1.0 is outside 0–100"),
    (["packages", 0, "suggestedFloor"], 100.5, "packages[0].suggestedFloor: 100.5 is outside 0–100"),
    (["settings", "tolerance"], 1e20, "settings.tolerance: 1e+20 is outside 0–100"),
    (["settings", "maxDrop"], 200, "settings.maxDrop: 200.0 is outside 0–100"),
    (["settings", "defaultFloor"], -5, "settings.defaultFloor: -5.0 is outside 0–100"),
    (["packages", 0, "durationSeconds"], 1e300, "packages[0].durationSeconds: 1e+300 is outside 0–315576000"),
    (["packages", 0, "durationSeconds"], -1, "packages[0].durationSeconds: -1.0 is outside 0–315576000"),
    (["timings", "measureSeconds"], 1e300, "timings.measureSeconds: 1e+300 is outside 0–315576000"),
    (["timings", "totalSeconds"], 1e300, "timings.totalSeconds: 1e+300"),
    (["timings", "prewarmSeconds"], -0.5, "timings.prewarmSeconds: -0.5"),
    (["timings", "selfCPUSeconds"], 1e300, "timings.selfCPUSeconds: 1e+300"),
    (["timings", "parallelism"], 0, "timings.parallelism: 0 is outside 1–4096"),
    (["timings", "parallelism"], Int.max, "timings.parallelism: 9223372036854775807 is outside 1–4096"),
    (["packages", 0, "coveredStatements"], 11, "packages[0].coveredStatements: 11 is outside 0–10"),
    (["packages", 0, "totalStatements"], Int.max, "packages[0].totalStatements: 9223372036854775807 is outside"),
    (["packages", 0, "totalStatements"], -1, "packages[0].totalStatements: -1 is outside"),
    (["packages", 0, "percent"], 1e300, "packages[0].percent: 1e+300 is outside 0–100"),
    (["packages", 0, "tests", "failed"], -1, "packages[0].tests.failed: -1 is outside"),
    (["packages", 0, "tests", "passed"], Int.max, "packages[0].tests.passed: 9223372036854775807 is outside"),
    (["packages", 0, "testCases", 0, "elapsedSeconds"], 1e300, "packages[0].testCases[0].elapsedSeconds: 1e+300"),
    (["shard", "index"], 0, "shard.index: 0 is outside 1–2"),
    (["shard", "index"], 3, "shard.index: 3 is outside 1–2"),
    (["shard", "count"], 0, "shard.count: 0 is outside 1–1000"),
    (["shard", "count"], 5000, "shard.count: 5000 is outside 1–1000"),
    (["verdict", "totalStatements"], -5, "verdict.totalStatements: -5 is outside"),
    (["verdict", "percent"], 1e300, "verdict.percent: 1e+300 is outside 0–100"),
    (["verdict", "counts", "pass"], -1, "verdict.counts.pass: -1 is outside"),
    (["diff", "packages", 0, "deltaPoints"], 1e300, "diff.packages[0].deltaPoints: 1e+300 is outside -100–100"),
    (["diff", "packages", 0, "basePercent"], -3, "diff.packages[0].basePercent: -3.0 is outside 0–100"),
    (["diff", "floorChanges", 0, "to"], 1e20, "diff.floorChanges[0].to: 1e+20 is outside 0–100"),
    (["packages", 0, "importPath"], String(repeating: "a", count: 5000), "packages[0].importPath: 5000 bytes long"),
    (["packages", 0, "failedTests"], [String(repeating: "T", count: 5000)], "packages[0].failedTests[0]: 5000 bytes"),
    (["packages", 0, "output"], String(repeating: "x", count: 5 << 20), "packages[0].output: 5242880 bytes long"),
    (
      ["packages", 0, "testCases", 0, "output"], String(repeating: "x", count: 5 << 20),
      "packages[0].testCases[0].output: 5242880"
    ),
    (["shard", "allPackages", 1], String(repeating: "p", count: 4097), "shard.allPackages[1]: 4097 bytes long"),
    (["module"], String(repeating: "m", count: 4097), "module: 4097 bytes long"),
    (
      ["packages", 0, "importPath"], "example.com/m/\u{1B}[2Kfake PASS",
      "packages[0].importPath: contains the control character U+001B"
    ),
    (
      ["packages", 0, "importPath"], "example.com/m/a\u{202E}og.x",
      "packages[0].importPath: contains the control character U+202E"
    ),
    (
      ["packages", 0, "testCases", 0, "name"], "TestA\n--- PASS",
      "packages[0].testCases[0].name: contains the control character U+000A"
    ),
    (
      ["packages", 0, "failedTests"], ["Test\u{0}"], "packages[0].failedTests[0]: contains the control character U+0000"
    ),
  ]

  @Test(arguments: hostile.indices)
  func anOutOfRangeValueIsAnErrorNamingItsField(index: Int) throws {
    let (path, value, message) = Self.hostile[index]
    let tampered = Self.setting(value, at: path, in: try Self.document())
    let data = try JSONSerialization.data(withJSONObject: tampered)
    let error = #expect(throws: ResultsFileError.self) { try ResultsFile.decodeResults(data, path: "r.json") }
    #expect(error?.description.contains("field \(message)") == true, "\(error?.description.prefix(300) ?? "")")
  }

  @Test func theUntamperedDocumentIsValid() throws {
    let data = try JSONSerialization.data(withJSONObject: try Self.document())
    #expect(try ResultsFile.decodeResults(data, path: "r.json").packages.count == 1)
  }

  @Test func aNumberBeyondDoubleIsAnErrorNotACrash() throws {
    let data = try JSONSerialization.data(withJSONObject: try Self.document())
    let text = try #require(String(data: data, encoding: .utf8))
    let tampered = text.replacingOccurrences(of: "\"durationSeconds\":1.5", with: "\"durationSeconds\":1e999")
    #expect(tampered != text)
    #expect(throws: ResultsFileError.self) { try ResultsFile.decodeResults(Data(tampered.utf8), path: "r.json") }
  }

  @Test func aHugeFileIsRefusedBeforeReadingEvenThroughALink() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("results-\(UUID())").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // Sparse: the size without the disk space or the time to write it.
    #expect(FileManager.default.createFile(atPath: directory + "/huge.json", contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: directory + "/huge.json"))
    try handle.truncate(atOffset: UInt64(ResultsFile.maxFileBytes) + 1)
    try handle.close()
    try FileManager.default.createSymbolicLink(atPath: directory + "/link.json", withDestinationPath: "huge.json")
    let error = #expect(throws: ResultsFileError.self) { try ResultsFile.read(from: directory + "/link.json") }
    #expect(error?.reason.contains("larger than the \(ResultsFile.maxFileBytes)") == true)
  }
}
