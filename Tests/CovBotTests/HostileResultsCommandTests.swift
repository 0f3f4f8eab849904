import CovEngine
import Foundation
import Testing

/// Results files from untrusted code (fork pull requests) through the built binary: refused, never a crash.
@Suite struct HostileResultsCommandTests {
  /// A valid results file and one whose first package's `field` is `value`, in a fresh directory.
  static func files(_ field: String, _ value: String) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID())").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let results = CovResults(
      toolVersion: "test", module: "example.com/m", moduleDirectory: directory, goVersion: "go1.27", strategy: .single,
      startedAt: Date(timeIntervalSince1970: 1_700_000_000), settings: GateSettings(), timings: Timings(),
      packages: [
        PackageResult(
          importPath: "example.com/m/a", directory: "a", floor: Percent("70")!, floorSource: .file,
          coverage: StatementCoverage(covered: 8, total: 10), status: .pass, durationSeconds: 1.5)
      ])
    let good = try ResultsFile.encode(results)
    try good.write(to: URL(fileURLWithPath: directory + "/good.json"))
    var object = try #require(try JSONSerialization.jsonObject(with: good) as? [String: Any])
    var packages = try #require(object["packages"] as? [[String: Any]])
    packages[0][field] = "@@VALUE@@"
    object["packages"] = packages
    let text = try #require(String(data: try JSONSerialization.data(withJSONObject: object), encoding: .utf8))
    try text.replacingOccurrences(of: "\"@@VALUE@@\"", with: value)
      .write(toFile: directory + "/bad.json", atomically: true, encoding: .utf8)
    return directory
  }

  @Test(arguments: [
    ["report", "--results", "bad.json"], ["report", "--results", "bad.json", "--format", "markdown"],
    ["report", "--results", "good.json", "--base", "bad.json"], ["merge", "bad.json", "-o", "merged.json"],
  ])
  func aHugeDurationExitsTwoNamingTheField(arguments: [String]) async throws {
    let directory = try Self.files("durationSeconds", "1e300")
    let output = try await CovBotProcess.run(arguments, workingDirectory: directory)
    #expect(output.exitCode == 2, "\(output.combined)")
    #expect(output.stderr.contains("packages[0].durationSeconds: 1e+300 is outside 0–315576000"), "\(output.stderr)")
  }

  @Test func aHugeFloorExitsTwoNamingTheField() async throws {
    let directory = try Self.files("floor", "1e20")
    let output = try await CovBotProcess.run(["report", "--results", "bad.json"], workingDirectory: directory)
    #expect(output.exitCode == 2, "\(output.combined)")
    #expect(output.stderr.contains("packages[0].floor: 1e+20 is outside 0–100"), "\(output.stderr)")
  }
}
