import CovBotKit
import CovEngine
import Foundation
import Testing

@Suite struct RatchetRunTests {
  private func looseResults(in directory: String) throws -> CovResults {
    try FileManager.default.createDirectory(atPath: directory + "/a", withIntermediateDirectories: true)
    try "60\n# owners: team-a\n".write(toFile: directory + "/a/.covgate", atomically: true, encoding: .utf8)
    return CovResults(
      toolVersion: CovBotVersion.current, module: "example.com/demo", moduleDirectory: directory, goVersion: "go1.27.3",
      strategy: .single, startedAt: Date(), settings: GateSettings(), timings: Timings(),
      packages: [
        PackageResult(
          importPath: "example.com/demo/a", directory: "a", floor: Percent(units: 60, scale: 0), floorSource: .file,
          floorFile: "a/.covgate", coverage: StatementCoverage(covered: 9, total: 10), status: .loose)
      ])
  }

  @Test func aDryRunPrintsTheTableAndTheDiffAndWritesNothing() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ratchet-\(UUID())").path
    let results = try looseResults(in: directory)
    let output = KitOutput()
    try await RatchetRun(margin: .zero, initialize: false, mode: .dryRun, environment: [:], output: output.output)
      .run(results, moduleDirectory: directory)
    #expect(output.out.contains("example.com/demo/a"))
    #expect(output.out.contains("+90.0"))
    #expect(output.out.contains("Dry run: nothing written"))
    #expect(try String(contentsOfFile: directory + "/a/.covgate", encoding: .utf8) == "60\n# owners: team-a\n")
  }

  @Test func writeRaisesTheFloorAndKeepsTheRestOfTheFile() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ratchet-\(UUID())").path
    let results = try looseResults(in: directory)
    let output = KitOutput()
    try await RatchetRun(
      margin: .zero, initialize: false, mode: .write(commit: false), environment: [:], output: output.output
    ).run(results, moduleDirectory: directory)
    #expect(output.out.contains("Wrote 1 floor file(s)."))
    #expect(try String(contentsOfFile: directory + "/a/.covgate", encoding: .utf8) == "90.0\n# owners: team-a\n")
  }
}
