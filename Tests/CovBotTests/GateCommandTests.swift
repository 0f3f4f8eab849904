import CovEngine
import Foundation
import TestSupport
import Testing

/// `covbot gate` as a user runs it: the built binary, real go, exit codes and files.
@Suite(.serialized) struct GateCommandTests {
  @Test func failingGateExitsOneAndWritesTheResultsFile() async throws {
    let directory = try GoFixture.copy("gatecheck")
    let output = try await CovBotProcess.run(["gate"], workingDirectory: directory)
    #expect(output.exitCode == 1, "\(output.combined)")
    #expect(output.stdout.contains("STATUS"))
    #expect(output.stdout.contains("LOOSE"))
    #expect(output.stdout.contains("→ write 100.0 to loose/.covgate"))
    let results = try ResultsFile.read(from: directory + "/covbot-results.json")
    #expect(results.schemaVersion == 1)
    #expect(results.packages.count == 9)
    #expect(!results.verdict.passed)
    #expect(results.timings.totalSeconds > 0 && results.timings.selfCPUSeconds > 0)
    #expect(results.toolVersion == CovBotVersion.current)
  }

  @Test func passingGateExitsZero() async throws {
    let directory = try GoFixture.copy("gatecheck")
    let json = directory + "/out/results.json"
    let output = try await CovBotProcess.run(
      ["gate", "./pass", "./nostmts", "--json", json, "--strategy", "per-package"], workingDirectory: directory)
    #expect(output.exitCode == 0, "\(output.combined)")
    #expect(try ResultsFile.read(from: json).verdict.passed)
  }

  @Test func looseAsWarningPassesTheGate() async throws {
    let directory = try GoFixture.copy("gatecheck")
    let output = try await CovBotProcess.run(
      ["gate", "./loose", "--loose", "warn"], workingDirectory: directory)
    #expect(output.exitCode == 0, "\(output.combined)")
    #expect(output.stdout.contains("LOOSE"))
  }

  @Test func goTestFlagsAfterTheTerminatorReachGoTest() async throws {
    let directory = try GoFixture.copy("gatecheck")
    let output = try await CovBotProcess.run(
      ["gate", "./testfail", "--", "-run", "TestOne"], workingDirectory: directory)
    #expect(output.exitCode == 0, "TestOne alone passes and covers the package: \(output.combined)")
    let results = try ResultsFile.read(from: directory + "/covbot-results.json")
    let package = try #require(results.packages.first)
    #expect(package.status == .pass)
    #expect(package.tests == TestCounts(passed: 1, failed: 0, skipped: 0))
  }

  @Test func malformedFloorFileExitsTwoNamingFileAndLine() async throws {
    let directory = try GoFixture.copy("gatecheck")
    try "80,5\n".write(toFile: directory + "/fail/.covgate", atomically: true, encoding: .utf8)
    let output = try await CovBotProcess.run(["gate"], workingDirectory: directory)
    #expect(output.exitCode == 2)
    #expect(output.stderr.contains("fail/.covgate:1"), "\(output.stderr)")
    #expect(!FileManager.default.fileExists(atPath: directory + "/covbot-results.json"))
  }

  @Test(arguments: [
    ["gate", "--tolerance", "abc"], ["gate", "--strategy", "fastest"], ["gate", "--parallelism", "0"],
  ])
  func badFlagsExitTwo(arguments: [String]) async throws {
    let directory = try GoFixture.copy("gatecheck")
    let output = try await CovBotProcess.run(arguments, workingDirectory: directory)
    #expect(output.exitCode == 2, "\(output.combined)")
    #expect(output.stderr.contains("Error"))
  }

  @Test func noGoToolchainExitsThree() async throws {
    let directory = try GoFixture.copy("gatecheck")
    let output = try await CovBotProcess.run(
      ["gate"], environment: ["PATH": "/usr/bin:/bin"], workingDirectory: directory)
    #expect(output.exitCode == 3, "\(output.combined)")
    #expect(output.stderr.contains("no go toolchain found"))
  }

  /// Without a build cache every go test fails to start: one infrastructure error (exit 3), not
  /// a BUILD-FAIL per package.
  @Test func noBuildCacheExitsThreeBeforeAnyPackage() async throws {
    let directory = try GoFixture.copy("gatecheck")
    let output = try await CovBotProcess.run(
      ["gate", "--json", "r.json"], environment: ["GOCACHE": "off"], workingDirectory: directory)
    #expect(output.exitCode == 3, "\(output.combined)")
    #expect(output.stderr.contains("go has no build cache"), "\(output.stderr)")
    #expect(!output.combined.contains("BUILD-FAIL"))
    #expect(!FileManager.default.fileExists(atPath: directory + "/r.json"))
  }

  @Test func outsideAModuleExitsThreeWithAHint() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nomod-\(UUID())").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let output = try await CovBotProcess.run(["gate"], workingDirectory: directory)
    #expect(output.exitCode == 3, "\(output.combined)")
    #expect(output.stderr.contains("--module-dir"))
  }

  /// SIGTERM mid-run: children stopped, partial results written, exit 128+15, no orphans.
  @Test func sigtermWritesPartialResultsAndLeavesNoOrphans() async throws {
    let directory = try GoFixture.copy("hang")
    let binary = try CovBotProcess.binary
    async let run = CovBotProcess.run(
      ["gate", "--strategy", "per-package", "--parallelism", "2", "--timeout", "10m"], workingDirectory: directory,
      timeout: .seconds(120))
    // Wait until the hanging test binary runs, then signal covbot itself.
    var covbotPID: Int32?
    for _ in 0..<600 {
      try await Task.sleep(for: .milliseconds(100))
      let slowRunning = !ProcessScan.processes(workingUnder: directory + "/slow").isEmpty
      covbotPID = ProcessScan.processes(workingUnder: directory).first { pid in
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")) == binary
      }
      if slowRunning && covbotPID != nil { break }
    }
    let pid = try #require(covbotPID, "covbot did not start the hanging test")
    try await Task.sleep(for: .seconds(1))
    kill(pid, SIGTERM)
    let output = try await run
    #expect(output.exitCode == 128 + SIGTERM, "\(output.combined)")
    #expect(output.stderr.contains("Received signal"))
    let results = try ResultsFile.read(from: directory + "/covbot-results.json")
    #expect(results.interrupted)
    let slow = try #require(results.packages.first { $0.importPath == "example.com/hang/slow" })
    #expect(slow.skipReason == .interrupted)
    #expect(ProcessScan.processes(workingUnder: directory).isEmpty, "no go process outlives covbot")
  }
}

/// The token covbot publishes with must not reach the code under test.
@Suite struct TokenIsolationTests {
  @Test(arguments: [
    ([String](), ["GITHUB_TOKEN": "ghs_secret_value_1"]),
    (
      ["--token-env", "MY_COVBOT_TOKEN"],
      ["GITHUB_TOKEN": "ghs_secret_value_1", "MY_COVBOT_TOKEN": "ghp_secret_value_2"]
    ),
    // The gh CLI's variables and Enterprise's are tokens too (issue 11, item 8).
    (
      [String](),
      [
        "GH_TOKEN": "gho_secret_value_3", "GH_ENTERPRISE_TOKEN": "gho_secret_value_4",
        "GITHUB_ENTERPRISE_TOKEN": "ghs_secret_value_5",
      ]
    ),
  ])
  func goTestNeverSeesTheToken(extra: [String], environment: [String: String]) async throws {
    let directory = try GoFixture.copy("envcheck")
    let output = try await CovBotProcess.run(
      ["gate", "--default-floor", "0"] + extra, environment: environment, workingDirectory: directory)
    #expect(output.exitCode == 0, "\(output.combined)")
    #expect(!output.combined.contains("secret_value"))
  }
}
