import CovBotSupport
import CovEngine
import Foundation
import TestSupport
import Testing

/// `covbot shards`, `covbot merge` and local `covbot ratchet` through the built binary.
@Suite(.serialized) struct ShardMergeRatchetCommandTests {
  struct PlanOutput: Decodable {
    struct Shard: Decodable {
      var index: Int
      var packages: [String]
    }

    var count: Int
    var matrix: [String]
    var shards: [Shard]
  }

  @Test func shardsPrintsAPlanCoveringEveryPackageOnce() async throws {
    let directory = try GoFixture.copy("gatecheck")
    let output = try await CovBotProcess.run(["shards", "-n", "3"], workingDirectory: directory)
    #expect(output.exitCode == 0, "\(output.combined)")
    let plan = try JSONDecoder().decode(PlanOutput.self, from: Data(output.stdout.utf8))
    #expect(plan.matrix == ["1/3", "2/3", "3/3"])
    let all = plan.shards.flatMap(\.packages)
    #expect(all.count == Set(all).count)
    #expect(all.count == 9)
  }

  @Test func mergedShardsGiveTheVerdictAndIncompleteShardsAreRefused() async throws {
    let directory = try GoFixture.copy("gatecheck")
    for index in 1...2 {
      let output = try await CovBotProcess.run(
        ["gate", "--shard", "\(index)/2", "--json", "shard-\(index).json", "--revision", "abc"],
        workingDirectory: directory)
      #expect(output.exitCode == 1, "\(output.combined)")
    }
    let merged = try await CovBotProcess.run(
      ["merge", "shard-1.json", "shard-2.json", "-o", "merged.json"], workingDirectory: directory)
    #expect(merged.exitCode == 1, "the fixture's gate fails: \(merged.combined)")
    let results = try ResultsFile.read(from: directory + "/merged.json")
    #expect(results.packages.count == 9)
    #expect(results.shard == nil)

    let incomplete = try await CovBotProcess.run(
      ["merge", "shard-1.json", "-o", "x.json"], workingDirectory: directory)
    #expect(incomplete.exitCode == 2)
    #expect(incomplete.stderr.contains("shard(s) 2 of 2 missing"))
    #expect(!FileManager.default.fileExists(atPath: directory + "/x.json"))
  }

  @Test func ratchetWritesAndCommitsTheRaisedFloors() async throws {
    let directory = try GoFixture.copy("gatecheck")
    for arguments in [
      ["init", "--quiet"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "base"],
    ] {
      let git = ChildProcess(executable: "/usr/bin/git", arguments: arguments, workingDirectory: directory)
      #expect(try await git.runCollecting().0.succeeded)
    }
    let dryRun = try await CovBotProcess.run(["ratchet", "./loose", "./pass"], workingDirectory: directory)
    #expect(dryRun.exitCode == 0, "\(dryRun.combined)")
    #expect(dryRun.stdout.contains("-40.0\n+100.0\n kept: this line survives a ratchet"))
    #expect(try String(contentsOfFile: directory + "/loose/.covgate", encoding: .utf8).hasPrefix("40.0\n"))

    let write = try await CovBotProcess.run(
      ["ratchet", "--results", "covbot-results.json", "--write", "--commit"],
      environment: [
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e",
      ], workingDirectory: directory)
    #expect(write.exitCode == 0, "\(write.combined)")
    #expect(
      try String(contentsOfFile: directory + "/loose/.covgate", encoding: .utf8)
        == "100.0\nkept: this line survives a ratchet\n")
    let log = ChildProcess(
      executable: "/usr/bin/git", arguments: ["log", "-1", "--format=%B"], workingDirectory: directory)
    let message = try await log.runCollecting().1
    #expect(message.contains("covbot: raise the coverage floor of 1 package"))
    #expect(message.contains("example.com/gatecheck/loose: 40.0 → 100.0"))

    let again = try await CovBotProcess.run(
      ["ratchet", "--results", "covbot-results.json", "--write"], workingDirectory: directory)
    #expect(again.stdout.contains("Nothing to ratchet"))
  }

  @Test func ratchetWritesThroughASymlinkedFloorFileAndCommitsItsTarget() async throws {
    let directory = try GoFixture.copy("gatecheck")
    let manager = FileManager.default
    try manager.createDirectory(atPath: directory + "/floors", withIntermediateDirectories: true)
    try manager.moveItem(atPath: directory + "/loose/.covgate", toPath: directory + "/floors/loose.covgate")
    try manager.setAttributes([.posixPermissions: 0o644], ofItemAtPath: directory + "/floors/loose.covgate")
    try manager.createSymbolicLink(
      atPath: directory + "/loose/.covgate", withDestinationPath: "../floors/loose.covgate")
    let identity = [
      "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e",
    ]
    func git(_ arguments: [String]) async throws -> String {
      let git = ChildProcess(
        executable: "/usr/bin/git", arguments: arguments, environment: identity.mapValues { $0 },
        workingDirectory: directory)
      let (result, output) = try await git.runCollecting()
      #expect(result.succeeded, "git \(arguments): \(result.stderr)")
      return output
    }
    for arguments in [["init", "--quiet"], ["add", "."], ["commit", "-qm", "base"]] { _ = try await git(arguments) }

    let write = try await CovBotProcess.run(
      ["ratchet", "--write", "--commit", "./loose", "./pass"], environment: identity, workingDirectory: directory)
    #expect(write.exitCode == 0, "\(write.combined)")
    let type = try manager.attributesOfItem(atPath: directory + "/loose/.covgate")[.type] as? FileAttributeType
    #expect(type == .typeSymbolicLink)
    #expect(
      try String(contentsOfFile: directory + "/floors/loose.covgate", encoding: .utf8)
        == "100.0\nkept: this line survives a ratchet\n")
    let committed = try await git(["show", "--format=", "--summary", "--name-status", "HEAD"])
    #expect(committed == "M\tfloors/loose.covgate\n", "no mode change, the link untouched")
    #expect(try await git(["status", "--porcelain", "--", "loose", "floors"]).isEmpty)
  }
}
