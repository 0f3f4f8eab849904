import CovBotSupport
import CovEngine
import FakeGitHub
import Foundation
import TestSupport
import Testing

/// `covbot gate --patch-base / --patch-diff / --patch-floor` through the built binary, on a real
/// git repository whose Go module lives in `svc/`.
@Suite(.serialized) struct PatchGateTests {
  /// The scenario plus a file the measurement never compiles (a build tag): "not measured".
  private static func repository() async throws -> (ScratchGitRepository, mergeBase: String) {
    let (repo, mergeBase) = try await PatchScenario.build()
    try repo.write(
      "svc/calc/tagged.go", "//go:build integration\n\npackage calc\n\nfunc Tagged() int {\n\treturn 1\n}\n")
    try await repo.commit("a file behind a build tag")
    return (repo, mergeBase)
  }

  private static func gate(
    _ repo: ScratchGitRepository, _ arguments: [String], environment: [String: String] = [:]
  ) async throws -> CovBotProcess.Output {
    try await CovBotProcess.run(
      ["gate", "--module-dir", "svc", "--default-floor", "0", "--parallelism", "2"] + arguments,
      environment: environment, workingDirectory: repo.root)
  }

  private static func results(_ repo: ScratchGitRepository, _ name: String) throws -> CovResults {
    try ResultsFile.read(from: repo.root + "/" + name)
  }

  @Test(arguments: ["single", "per-package"])
  func gateMatchesAnIndependentCount(strategy: String) async throws {
    let (repo, mergeBase) = try await Self.repository()
    defer { try? FileManager.default.removeItem(atPath: repo.root) }
    let run = try await Self.gate(
      repo, ["--strategy", strategy, "--patch-base", "main", "--json", "r.json", "--show-uncovered"])
    #expect(run.exitCode == 0, "\(run.combined)")
    let patch = try #require(try Self.results(repo, "r.json").patch)
    #expect(patch.base == mergeBase)
    #expect(patch.status == .info)
    // Test files, the generated file, the binary, files outside the module and deleted files
    // never count; the tagged file is listed as not measured.
    #expect(
      patch.files.map(\.path) == ["svc/calc/calc.go", "svc/calc/crlf.go", "svc/calc/tagged.go", "svc/util/helpers.go"])
    #expect(patch.files.map(\.measured) == [true, true, false, true])

    // The same figures from go's own profile and git blame.
    let profileText = try await PatchScenario.goProfile(of: repo)
    for file in patch.files where file.measured {
      let lines = try await repo.blamedLines(file.path, since: mergeBase)
      let expected = PatchScenario.independentCount(
        profileText: profileText, file: "example.com/m/" + file.path.dropFirst("svc/".count), lines: lines)
      #expect(file.changedLines == lines.count, "\(file.path)")
      #expect(file.coveredLines == expected.covered, "\(file.path)")
      #expect(file.partialLines == expected.partial, "\(file.path)")
      #expect(file.missedLines == expected.missed, "\(file.path)")
    }
    #expect(patch.missedLines > 0 && patch.coveredLines > 0)

    // Terminal: the patch line and, with --show-uncovered, the missed ranges per file.
    let missed = PatchScenarioText.ranges(try #require(patch.files.first { $0.path == "svc/calc/calc.go" }))
    #expect(run.stdout.contains("PATCH \(patch.coverage.formatted()) of \(patch.coverage.total) changed lines"))
    #expect(run.stdout.contains("svc/calc/calc.go: missed \(missed)"))
    #expect(run.stdout.contains("svc/calc/tagged.go: not measured"))
  }

  @Test func strategiesShardsAndADiffFileGiveTheSameFigure() async throws {
    let (repo, _) = try await Self.repository()
    defer { try? FileManager.default.removeItem(atPath: repo.root) }
    let single = try await Self.gate(repo, ["--strategy", "single", "--patch-base", "main", "--json", "single.json"])
    #expect(single.exitCode == 0, "\(single.combined)")
    let whole = try #require(try Self.results(repo, "single.json").patch)
    let perPackage = try await Self.gate(
      repo, ["--strategy", "per-package", "--patch-base", "main", "--json", "per.json"])
    #expect(perPackage.exitCode == 0, "\(perPackage.combined)")
    #expect(try Self.results(repo, "per.json").patch == whole)

    // Three shards (two packages: one shard measures nothing) merge into the unsharded figure.
    for shard in 1...3 {
      let run = try await Self.gate(
        repo, ["--shard", "\(shard)/3", "--patch-base", "main", "--json", "s\(shard).json"])
      #expect(run.exitCode == 0, "shard \(shard): \(run.combined)")
    }
    let merged = try await CovBotProcess.run(
      ["merge", "s1.json", "s2.json", "s3.json", "-o", "merged.json"], workingDirectory: repo.root)
    #expect(merged.exitCode == 0, "\(merged.combined)")
    #expect(try Self.results(repo, "merged.json").patch == whole)

    // A checkout without history: the same change as a diff file gives the same lines.
    let diff = try await repo.git(
      "diff", "--no-ext-diff", "--no-color", "--no-relative", "--src-prefix=a/", "--dst-prefix=b/", "main...HEAD")
    try repo.write("change.diff", diff)
    let fromFile = try await Self.gate(repo, ["--patch-diff", "change.diff", "--json", "file.json"])
    #expect(fromFile.exitCode == 0, "\(fromFile.combined)")
    var expected = whole
    expected.base = nil
    #expect(try Self.results(repo, "file.json").patch == expected)
  }

  @Test func theFloorGatesAndExcludedPackagesDoNotCount() async throws {
    let (repo, _) = try await Self.repository()
    defer { try? FileManager.default.removeItem(atPath: repo.root) }
    let info = try await Self.gate(repo, ["--patch-base", "main", "--json", "info.json"])
    let patch = try #require(try Self.results(repo, "info.json").patch)
    let exact = patch.coverage.flooredPercent(decimals: 1)

    let failing = try await Self.gate(
      repo, ["--patch-base", "main", "--patch-floor", "99.9", "--json", "fail.json", "--junit", "j.xml"],
      environment: ["GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": repo.root + "/out.txt"])
    #expect(failing.exitCode == 1, "\(failing.combined)")
    #expect(failing.stdout.contains("PATCH FAIL"))
    #expect(try Self.results(repo, "fail.json").patch?.status == .fail)
    #expect(try Self.results(repo, "fail.json").verdict.passed == false)
    let junit = try String(contentsOfFile: repo.root + "/j.xml", encoding: .utf8)
    #expect(junit.contains("name=\"patch coverage\""))
    #expect(junit.contains("type=\"patch-coverage\""))
    let outputs = try String(contentsOfFile: repo.root + "/out.txt", encoding: .utf8)
    #expect(outputs.contains("patch-coverage<<"))
    #expect(outputs.contains("\n\(exact)\n"))

    let passing = try await Self.gate(repo, ["--patch-base", "main", "--patch-floor", "\(exact)"])
    #expect(passing.exitCode == 0, "\(passing.combined)")
    #expect(passing.stdout.contains("PATCH PASS"))
    #expect(info.exitCode == 0)

    let excluded = try await Self.gate(repo, ["--patch-base", "main", "--exclude", "./util", "--json", "ex.json"])
    #expect(excluded.exitCode == 0, "\(excluded.combined)")
    let paths = try #require(try Self.results(repo, "ex.json").patch).files.map(\.path)
    #expect(paths == ["svc/calc/calc.go", "svc/calc/crlf.go", "svc/calc/tagged.go"])
  }

  struct BadInput: Sendable, CustomStringConvertible {
    var arguments: [String]
    var message: String
    var description: String { arguments.joined(separator: " ") }
  }

  @Test(arguments: [
    BadInput(arguments: ["--patch-base", "no-such-branch"], message: "no-such-branch"),
    BadInput(arguments: ["--patch-base", "main", "--patch-diff", "x.diff"], message: "exclude each other"),
    BadInput(arguments: ["--patch-floor", "80"], message: "--patch-floor needs"),
    BadInput(arguments: ["--patch-base", "main", "--patch-floor", "100.5"], message: "between 0 and 100"),
    BadInput(arguments: ["--patch-base", "main", "--patch-floor", "-1"], message: "between 0 and 100"),
    BadInput(arguments: ["--patch-base", ""], message: "must not be empty"),
    BadInput(arguments: ["--patch-base", "--output=/tmp/x"], message: "--patch-base"),
    BadInput(arguments: ["--patch-diff", "missing.diff"], message: "missing.diff: no such file"),
    BadInput(arguments: ["--patch-diff", "bad.diff"], message: "bad.diff"),
    BadInput(arguments: ["--patch-diff", "/dev/null/x"], message: "no such file"),
  ])
  func badInputIsAUsageErrorBeforeAnyTestRuns(_ input: BadInput) async throws {
    let (repo, _) = try await Self.repository()
    defer { try? FileManager.default.removeItem(atPath: repo.root) }
    try repo.write("bad.diff", "diff --git a/x.go b/x.go\n--- a/x.go\n+++ b/x.go\n@@ -1,2 +1,nope @@\n+x\n")
    let run = try await Self.gate(repo, input.arguments)
    #expect(run.exitCode == 2, "\(run.combined)")
    #expect(run.stderr.contains(input.message), "\(run.stderr)")
    #expect(!run.combined.contains("Measuring"), "nothing is measured after a bad patch input")
  }

  @Test func outsideARepositoryPatchBaseIsAUsageError() async throws {
    let directory = try GoFixture.copy("hostile")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let run = try await CovBotProcess.run(
      ["gate", "./good", "--patch-base", "main"], environment: ["GIT_CEILING_DIRECTORIES": directory + "/.."],
      workingDirectory: directory)
    #expect(run.exitCode == 2, "\(run.combined)")
    #expect(run.stderr.contains("git"), "\(run.stderr)")
  }

  @Test func autoUsesThePullRequestBaseAndGoesOnWithoutIt() async throws {
    let (repo, mergeBase) = try await Self.repository()
    defer { try? FileManager.default.removeItem(atPath: repo.root) }
    // Not a pull request run: said plainly, no patch figure, the gate goes on.
    let push = try await Self.gate(
      repo, ["--patch-base", "auto", "--json", "push.json"], environment: ["GITHUB_EVENT_NAME": "push"])
    #expect(push.exitCode == 0, "\(push.combined)")
    #expect(push.stderr.contains("not a pull request run (event push); patch coverage not measured"))
    #expect(try Self.results(repo, "push.json").patch == nil)

    func event(base: String) throws -> [String: String] {
      let payload = """
        {"pull_request": {"number": 7, "head": {"sha": "\(String(repeating: "a", count: 40))"},
         "base": {"sha": "\(base)"}}}
        """
      try repo.write("event-\(base.prefix(6)).json", payload)
      return ["GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": repo.root + "/event-\(base.prefix(6)).json"]
    }
    let pull = try await Self.gate(
      repo, ["--patch-base", "auto", "--json", "pr.json"], environment: try event(base: mergeBase))
    #expect(pull.exitCode == 0, "\(pull.combined)")
    #expect(try Self.results(repo, "pr.json").patch?.base == mergeBase)

    // A shallow clone without the base commit: no patch figure, a plain note, the gate goes on.
    let absent = String(repeating: "b", count: 40)
    let shallow = try await Self.gate(
      repo, ["--patch-base", "auto", "--patch-floor", "100", "--json", "shallow.json"],
      environment: try event(base: absent))
    #expect(shallow.exitCode == 0, "\(shallow.combined)")
    #expect(shallow.stderr.contains("Patch coverage not measured"), "\(shallow.stderr)")
    #expect(try Self.results(repo, "shallow.json").patch == nil)
  }
}

extension PatchGateTests {
  /// A shallow clone lacks the base commit: `auto` reads the pull request's diff through the API.
  @Test func autoInAShallowCloneFallsBackToThePullRequestDiff() async throws {
    let (repo, mergeBase) = try await Self.repository()
    defer { try? FileManager.default.removeItem(atPath: repo.root) }
    let full = try await Self.gate(repo, ["--patch-base", "main", "--json", "full.json"])
    #expect(full.exitCode == 0, "\(full.combined)")
    var expected = try #require(try Self.results(repo, "full.json").patch)
    expected.base = nil
    let diff = try await repo.git("diff", "--no-ext-diff", "--no-color", "--no-relative", "main...feature")

    let clone = repo.root + "/shallow"
    _ = try await repo.git("clone", "-q", "--depth", "1", "--branch", "feature", "file://" + repo.root, clone)
    let shallow = ScratchGitRepository(existing: clone)
    let payload = """
      {"pull_request": {"number": 7, "head": {"sha": "\(String(repeating: "a", count: 40))"},
       "base": {"sha": "\(mergeBase)"}}}
      """
    try shallow.write("event.json", payload)

    try await FakeGitHub.withServer { fake in
      await fake.seedPullRequestDiff(repository: "octo/demo", number: 7, diff: diff)
      let environment = [
        "GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": clone + "/event.json",
        "GITHUB_REPOSITORY": "octo/demo", "GITHUB_API_URL": fake.apiURL, "GITHUB_TOKEN": fake.token,
      ]
      let run = try await Self.gate(shallow, ["--patch-base", "auto", "--json", "api.json"], environment: environment)
      #expect(run.exitCode == 0, "\(run.combined)")
      #expect(try Self.results(shallow, "api.json").patch == expected)
      let requests = await fake.requests()
      #expect(requests.map(\.path) == ["/repos/octo/demo/pulls/7"])
      #expect(requests.first?.headers["accept"] == "application/vnd.github.diff")
      #expect(!run.combined.contains(fake.token))

      // GitHub refuses a diff too large to render: a plain note, no figure, the gate goes on.
      await fake.seedPullRequestDiff(repository: "octo/demo", number: 7, diff: nil)
      let tooLarge = try await Self.gate(
        shallow, ["--patch-base", "auto", "--patch-floor", "100", "--json", "large.json"], environment: environment)
      #expect(tooLarge.exitCode == 0, "\(tooLarge.combined)")
      #expect(tooLarge.stderr.contains("Patch coverage not measured"), "\(tooLarge.stderr)")
      #expect(tooLarge.stderr.contains("exceeded the maximum number of lines"), "\(tooLarge.stderr)")
      #expect(try Self.results(shallow, "large.json").patch == nil)

      // Without a token the API cannot be asked either.
      var tokenless = environment
      tokenless["GITHUB_TOKEN"] = ""
      let noToken = try await Self.gate(
        shallow, ["--patch-base", "auto", "--json", "none.json"], environment: tokenless)
      #expect(noToken.exitCode == 0, "\(noToken.combined)")
      #expect(noToken.stderr.contains("no GitHub token"), "\(noToken.stderr)")
      #expect(try Self.results(shallow, "none.json").patch == nil)
    }
  }
}

extension PatchGateTests {
  /// A pull request in a real repository, end to end: `gate --patch-base --publish` against the
  /// fake GitHub annotates exactly the missed ranges git and go give, and posts the `covbot/patch`
  /// status and the comment section.
  @Test func aPullRequestGetsItsMissedRangesStatusAndSection() async throws {
    let (repo, _) = try await Self.repository()
    defer { try? FileManager.default.removeItem(atPath: repo.root) }
    try await FakeGitHub.withServer { fake in
      let sha = String(repeating: "e5", count: 20)
      let run = try await Self.gate(
        repo,
        [
          "--patch-base", "main", "--patch-floor", "99", "--json", "pr.json", "--publish", "--pr", "7", "--sha", sha,
          "--check-run", "--path-prefix", "svc",
        ],
        environment: ["GITHUB_API_URL": fake.apiURL, "GITHUB_TOKEN": fake.token, "GITHUB_REPOSITORY": "octo/demo"])
      #expect(run.exitCode == 1, "\(run.combined)")
      let patch = try #require(try Self.results(repo, "pr.json").patch)
      #expect(patch.status == .fail)

      let statuses = await fake.statuses(repository: "octo/demo")
      let patchStatus = try #require(statuses.first { $0.context == "covbot/patch" })
      #expect(patchStatus.state == "failure")
      #expect(
        patchStatus.description == "\(patch.coverage.formatted()) of \(patch.coverage.total) changed lines (floor 99.0)"
      )

      // One warning per missed range, at the repository-relative path (not under the prefix).
      let checkRun = try #require(await fake.checkRuns(repository: "octo/demo").first)
      let warnings = checkRun.annotations.filter {
        $0["annotation_level"]?.string == "warning" && $0["message"]?.string?.contains("changed here") == true
      }
      let expected = patch.files.flatMap { file in file.missedRanges.map { (file.path, $0) } }
      #expect(!expected.isEmpty && warnings.count == expected.count)
      for (path, range) in expected {
        #expect(
          warnings.contains {
            $0["path"]?.string == path && $0["start_line"]?.integer == Int64(range.start)
              && $0["end_line"]?.integer == Int64(range.end)
          }, "\(path) \(range)")
      }
      let comment = try #require(await fake.comments(repository: "octo/demo", issue: 7).first)
      #expect(comment.body.contains("Patch coverage"))
      #expect(comment.body.contains("/blob/\(sha)/svc/calc/calc.go#L"))
    }
  }
}

/// The ranges the terminal prints for a file, computed here rather than by the reporter.
private enum PatchScenarioText {
  static func ranges(_ file: PatchFileCoverage) -> String {
    file.missedRanges.map { $0.count == 1 ? "\($0.start)" : "\($0.start)–\($0.end)" }.joined(separator: ", ")
  }
}
