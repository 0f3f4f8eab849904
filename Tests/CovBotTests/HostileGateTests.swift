import CovEngine
import Foundation
import TestSupport
import Testing

/// `covbot gate` as a hostile user or hostile test code would drive it (issue 11): every run here
/// once passed when it should not, damaged a file, or left a process behind.
@Suite(.serialized) struct FalsePassTests {
  /// Item 1: a pass-through flag that overrode covbot's own made every package NO-STATEMENTS.
  @Test(arguments: [
    ["-coverprofile=other.out"], ["-coverpkg=fmt"], ["--coverprofile", "x.out"], ["-cover"], ["-json"],
    ["-p", "4"], ["-timeout=0"], ["-test.coverprofile=x.out"], ["-run", "X", "-args", "-test.coverprofile=x"],
    ["-c"], ["-o", "bin"], ["-list", "."], ["./mainexit"], ["-covermode=bogus"], ["-test.gocoverdir=d"],
  ])
  func ownedGoTestFlagsAreRefused(flags: [String]) async throws {
    let directory = try GoFixture.copy("hostile")
    try "99\n".write(toFile: directory + "/good/.covgate", atomically: true, encoding: .utf8)
    let output = try await CovBotProcess.run(["gate", "./good", "--"] + flags, workingDirectory: directory)
    #expect(output.exitCode == 2, "\(output.combined)")
    #expect(output.stderr.contains("after `--`"), "\(output.stderr)")
    #expect(!FileManager.default.fileExists(atPath: directory + "/covbot-results.json"))
  }

  /// Flags that only tune the run still reach go test, in every spelling.
  @Test func harmlessGoTestFlagsPassThrough() async throws {
    let directory = try GoFixture.copy("hostile")
    let output = try await CovBotProcess.run(
      ["gate", "./good", "--", "-covermode=atomic", "-count", "1", "--run=TestAdd", "-v", "-args", "-test.short"],
      workingDirectory: directory)
    #expect(output.exitCode == 0, "\(output.combined)")
    let results = try ResultsFile.read(from: directory + "/covbot-results.json")
    #expect(results.packages.first?.status == .pass)
    #expect(results.packages.first?.coverage == StatementCoverage(covered: 1, total: 1))
  }

  /// Item 2: a TestMain that calls os.Exit(0) after m.Run() hides the failure from go's status.
  @Test(arguments: ["single", "per-package"])
  func failedTestFailsThePackageWhateverTheExitStatus(strategy: String) async throws {
    let directory = try GoFixture.copy("hostile")
    let output = try await CovBotProcess.run(
      ["gate", "./mainexit", "./good", "--default-floor", "0", "--strategy", strategy], workingDirectory: directory)
    #expect(output.exitCode == 1, "\(output.combined)")
    let results = try ResultsFile.read(from: directory + "/covbot-results.json")
    let package = try #require(results.packages.first { $0.importPath.hasSuffix("/mainexit") })
    #expect(package.status == .testFail)
    #expect(package.failedTests == ["TestBroken"])
    #expect(!results.verdict.passed)
  }

  /// Item 3: excluding everything ran `go test` with no packages, which tests `.`, and passed.
  @Test func excludingEveryPackageRunsNothingAndExitsTwo() async throws {
    let directory = try GoFixture.copy("hostile")
    let output = try await CovBotProcess.run(["gate", "--exclude", "./..."], workingDirectory: directory)
    #expect(output.exitCode == 2, "\(output.combined)")
    #expect(output.stderr.contains("nothing was measured"), "\(output.stderr)")
    #expect(!output.combined.contains("[1/0]"))
    let results = try ResultsFile.read(from: directory + "/covbot-results.json")
    #expect(results.packages.allSatisfy { $0.status == .skipped && $0.skipReason == .excluded })
    #expect(!results.packages.contains { $0.importPath == "." || $0.importPath == "example.com/hostile" })
  }

  @Test func aModuleWithoutPackagesExitsTwo() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID())").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try "module example.com/empty\n\ngo 1.22\n".write(toFile: directory + "/go.mod", atomically: true, encoding: .utf8)
    let output = try await CovBotProcess.run(["gate"], workingDirectory: directory)
    #expect(output.exitCode == 2, "\(output.combined)")
    #expect(output.stderr.contains("no Go packages match ./..."), "\(output.stderr)")
    #expect(!output.combined.contains("FAIL ."))
  }

  /// An empty shard (more shards than packages) is normal: nothing runs, exit 0, the file merges.
  @Test func anEmptyShardPassesWithoutRunningGo() async throws {
    let directory = try GoFixture.copy("hostile")
    let output = try await CovBotProcess.run(
      ["gate", "./good", "--shard", "2/2", "--json", directory + "/shard2.json"], workingDirectory: directory)
    #expect(output.exitCode == 0, "\(output.combined)")
    #expect(output.stderr.contains("shard 2/2 has no packages"), "\(output.stderr)")
    let results = try ResultsFile.read(from: directory + "/shard2.json")
    #expect(results.packages.isEmpty)
    #expect(results.shard?.allPackages == ["example.com/hostile/good"])
  }
}

/// Items 9–12: signals, time limits and processes that must not outlive covbot.
@Suite(.serialized) struct ProcessLifetimeTests {
  /// Item 9: a test's background process outlived the gate.
  @Test func aTestsBackgroundProcessDiesWithTheRun() async throws {
    let directory = try GoFixture.copy("hostile")
    let output = try await CovBotProcess.run(["gate", "./bgchild"], workingDirectory: directory)
    #expect(output.exitCode == 0, "\(output.combined)")
    try await Task.sleep(for: .milliseconds(300))
    #expect(ProcessScan.processes(workingUnder: directory).isEmpty, "the test's `sleep 300` outlived covbot")
  }

  /// Item 9: SIGHUP wrote nothing and left go test running; it now acts like SIGTERM (exit 129).
  @Test(arguments: ["single", "per-package"])
  func sighupStopsTheRunAndWritesResults(strategy: String) async throws {
    let directory = try GoFixture.copy("hang")
    let output = try await CovBotProcess.shell(
      """
      "$COVBOT" gate --strategy \(strategy) --timeout 10m 2>err.txt & pid=$!
      i=0; until grep -q 'hang/quick' err.txt || [ $i -ge 600 ]; do sleep 0.1; i=$((i+1)); done
      sleep 1; kill -HUP $pid; wait $pid; echo "exit=$?"
      """, workingDirectory: directory, timeout: .seconds(180))
    #expect(output.stdout.contains("exit=129"), "\(output.combined)")
    let results = try ResultsFile.read(from: directory + "/covbot-results.json")
    #expect(results.interrupted)
    // Item 12: a package that finished before the signal keeps its result, in both strategies.
    let quick = try #require(results.packages.first { $0.importPath == "example.com/hang/quick" })
    #expect(quick.status == .pass, "\(quick)")
    #expect(ProcessScan.processes(workingUnder: directory).isEmpty, "no go process outlives covbot")
  }

  /// Item 9: SIGKILL of covbot left go test and the test binary running.
  @Test func sigkillOfCovbotStillStopsGoAndTheTestBinary() async throws {
    let directory = try GoFixture.copy("hang")
    let output = try await CovBotProcess.shell(
      """
      "$COVBOT" gate --timeout 10m 2>err.txt & pid=$!
      i=0; until [ -n "$(pgrep -f slow.test)" ] || [ $i -ge 600 ]; do sleep 0.1; i=$((i+1)); done
      kill -KILL $pid; wait $pid; echo "exit=$?"
      """, workingDirectory: directory, timeout: .seconds(180))
    #expect(output.stdout.contains("exit=137"), "\(output.combined)")
    var left = ProcessScan.processes(workingUnder: directory)
    for _ in 0..<100 where !left.isEmpty {
      try await Task.sleep(for: .milliseconds(100))
      left = ProcessScan.processes(workingUnder: directory)
    }
    #expect(left.isEmpty, "go or the test binary outlived a SIGKILLed covbot: \(left)")
  }

  /// Item 9: `covbot gate | head -1` killed covbot by SIGPIPE and left its scratch directory.
  @Test func aClosedStdoutLeavesNoScratchDirectory() async throws {
    let directory = try GoFixture.copy("hostile")
    let temporary = directory + "/tmp"
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    let output = try await CovBotProcess.shell(
      #""$COVBOT" gate ./good ./mainexit | head -1"#,
      environment: ["TMPDIR": temporary], workingDirectory: directory)
    #expect(output.stdout.hasPrefix("STATUS"), "\(output.combined)")
    let left = try FileManager.default.contentsOfDirectory(atPath: temporary).filter { $0.hasPrefix("covbot-") }
    #expect(left.isEmpty, "scratch left behind: \(left)")
    #expect(FileManager.default.fileExists(atPath: directory + "/covbot-results.json"))
  }

  /// Item 10: SIGINT during `go list` exited 3 with "CancellationError()". The fake go list
  /// signals covbot the moment it starts: covbot must be watching before its first child runs
  /// (a background job of `sh` starts with SIGINT ignored, so a signal before that is lost).
  @Test func sigintDuringGoListExits130() async throws {
    let directory = try GoFixture.copy("hostile")
    let fakeGo = directory + "/slowgo"
    try """
    #!/bin/sh
    case "$1" in
      list) kill -INT $PPID; sleep 30 ;;
      *) exec "$REAL_GO" "$@" ;;
    esac
    """.write(toFile: fakeGo, atomically: true, encoding: .utf8)
    chmod(fakeGo, 0o755)
    let realGo = try GoFixture.toolchain().executable
    let start = ContinuousClock.now
    let output = try await CovBotProcess.shell(
      """
      "$COVBOT" gate --go ./slowgo 2>err.txt & pid=$!
      wait $pid; echo "exit=$?"; cat err.txt
      """, environment: ["REAL_GO": realGo], workingDirectory: directory, timeout: .seconds(60))
    #expect(output.stdout.contains("exit=130"), "\(output.combined)")
    #expect(!output.stdout.contains("CancellationError"), "\(output.stdout)")
    #expect(ContinuousClock.now - start < .seconds(20), "covbot waited for go list instead of stopping it")
  }

  /// Item 11: a test binary that exec'd into `sleep 300` was stopped only by go's timeout + 1 min.
  @Test(arguments: ["single", "per-package"])
  func covbotEnforcesItsOwnLimitOnATestBinary(strategy: String) async throws {
    let directory = try GoFixture.copy("hostile")
    let start = ContinuousClock.now
    // Parallelism 1: with one test binary at a time, `good` has not run when execsleep is killed,
    // so the single strategy must run it again.
    let output = try await CovBotProcess.run(
      ["gate", "./execsleep", "./good", "--timeout", "2s", "--parallelism", "1", "--strategy", strategy],
      workingDirectory: directory, timeout: .seconds(120))
    let elapsed = ContinuousClock.now - start
    #expect(output.exitCode == 1, "\(output.combined)")
    #expect(elapsed < .seconds(50), "took \(elapsed): covbot did not enforce its own limit (2s + 10s grace)")
    let results = try ResultsFile.read(from: directory + "/covbot-results.json")
    let killed = try #require(results.packages.first { $0.importPath.hasSuffix("/execsleep") })
    #expect(killed.status == .testFail)
    #expect(killed.reason.contains("killed by covbot"), "\(killed.reason)")
    let good = try #require(results.packages.first { $0.importPath.hasSuffix("/good") })
    #expect(good.status == .pass, "\(good)")
    #expect(ProcessScan.processes(workingUnder: directory).isEmpty)
  }
}

/// Item 13 and the messages: usage errors exit 2, infrastructure errors 3, and both say why.
@Suite struct ExitCodeTests {
  @Test(arguments: [
    (["gate", "--module-dir", "/nope"], "--module-dir /nope"),
    (["gate", "--json", ""], "--json must not be empty"),
    (["gate", "--timeout", "99999999h"], "--timeout"),
    (["gate", "--timeout", "1e300"], "--timeout"),
    (["gate", "--parallelism", "-3"], "--parallelism"),
    (["ratchet", "--margin", "-1"], "--margin must not be negative"),
    (["publish", "--results", "x.json", "--pr", "-3"], "--pr must be a pull request number"),
    (
      ["publish", "--results", "x.json", "--max-wait", "99999999999999"],
      "--max-wait 99999999999999 is more than a week"
    ),
  ])
  func usageErrorsExitTwoAndSayWhy(arguments: [String], message: String) async throws {
    let directory = try GoFixture.copy("hostile")
    let output = try await CovBotProcess.run(arguments, workingDirectory: directory)
    #expect(output.exitCode == 2, "\(output.combined)")
    #expect(output.stderr.contains(message), "\(output.stderr)")
    #expect(!output.stderr.contains("Missing value"))
  }

  /// Item 13: a failing pre-warm printed "Pre-warm complete" and exited 1.
  @Test func aFailingPrewarmExitsThree() async throws {
    let directory = try GoFixture.copy("hostile")
    let fakeGo = directory + "/brokengo"
    try """
    #!/bin/sh
    for argument in "$@"; do
      [ "$argument" = "-export" ] && { echo "go: the build cache is broken" >&2; exit 1; }
    done
    exec "$REAL_GO" "$@"
    """.write(toFile: fakeGo, atomically: true, encoding: .utf8)
    chmod(fakeGo, 0o755)
    let output = try await CovBotProcess.run(
      ["gate", "./good", "./bgchild", "--strategy", "per-package", "--parallelism", "2", "--go", fakeGo],
      environment: ["REAL_GO": try GoFixture.toolchain().executable], workingDirectory: directory)
    #expect(output.exitCode == 3, "\(output.combined)")
    #expect(output.stderr.contains("pre-warm failed"), "\(output.stderr)")
    #expect(output.stderr.contains("the build cache is broken"))
    #expect(!output.stderr.contains("Pre-warm complete"))
  }

  /// A malformed go.mod is not "outside a module": the hint says to fix go.mod.
  @Test func aBrokenGoModGetsItsOwnHint() async throws {
    let directory = try GoFixture.copy("hostile")
    try "module example.com/hostile\n\ngo 1.22\nrequire (\n".write(
      toFile: directory + "/go.mod", atomically: true, encoding: .utf8)
    let output = try await CovBotProcess.run(["gate"], workingDirectory: directory)
    #expect(output.exitCode == 3, "\(output.combined)")
    #expect(output.stderr.contains("fix \(directory)/go.mod") || output.stderr.contains("go.mod (see"))
    #expect(!output.stderr.contains("Run covbot in a Go module"))
  }
}

/// Item 8: what tests print must not become workflow commands or terminal control sequences.
@Suite struct OutputInjectionTests {
  @Test func testOutputIsFencedAgainstWorkflowCommandsInActions() async throws {
    let directory = try GoFixture.copy("hostile")
    let output = try await CovBotProcess.run(
      ["gate", "./inject"], environment: ["GITHUB_ACTIONS": "true"], workingDirectory: directory)
    #expect(output.exitCode == 1, "\(output.combined)")
    let lines = output.stdout.split(separator: "\n").map(String.init)
    let injected = try #require(lines.firstIndex { $0.contains("::warning::injected-by-test") })
    let open = try #require(lines.firstIndex { $0.hasPrefix("::stop-commands::") }, "\(output.stdout)")
    let token = String(lines[open].dropFirst("::stop-commands::".count))
    #expect(token.count >= 16)
    let close = try #require(lines.firstIndex(of: "::\(token)::"))
    #expect(open < injected && injected < close)
    #expect(!output.stdout.contains("\u{1B}]0;title"), "a terminal escape passed through")
  }

  @Test func outsideActionsThereIsNoFence() async throws {
    let directory = try GoFixture.copy("hostile")
    let output = try await CovBotProcess.run(["gate", "./inject"], workingDirectory: directory)
    #expect(output.exitCode == 1)
    #expect(!output.stdout.contains("::stop-commands::"))
    #expect(!output.stdout.contains("\u{1B}]"), "a terminal escape passed through")
  }

  /// The panic's own line is shown, not only the tail of its goroutine dump.
  @Test func aPanicShowsThePanicLine() async throws {
    let directory = try GoFixture.copy("hostile")
    let output = try await CovBotProcess.run(["gate", "./panics"], workingDirectory: directory)
    #expect(output.exitCode == 1)
    #expect(output.stdout.contains("panic: boom: the value that matters"), "\(output.stdout)")
  }
}
