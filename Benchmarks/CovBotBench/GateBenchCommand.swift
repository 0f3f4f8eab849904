import ArgumentParser
import CovEngine
import Foundation

/// `covbot-bench gate`: covgate-style runs, `go test -cover ./...` and `covbot gate` side by side,
/// each from a cold Go build cache.
struct GateBenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gate",
    abstract: "Time covbot gate against covgate-style runs and go test -cover, each from a cold build cache.",
    discussion: """
      Configurations (--only takes a comma-separated list; d selects every covbot row, all everything):
        a              go test -run=^$ ./... (pre-warm), then go test -coverpkg=P -coverprofile=… P, N at once
        b              the same without the pre-warm
        c              one go test -cover ./... (the reference the ratios divide by)
        d-auto         covbot gate --strategy auto
        d-single       covbot gate --strategy single
        d-per-package  covbot gate --strategy per-package (covbot's default pre-warm)
        d-pp-compile   … --strategy per-package --prewarm compile
        d-pp-test-run  … --strategy per-package --prewarm test-run
        d-pp-none      … --strategy per-package --prewarm none

      Every run starts from an empty GOCACHE; wall and CPU time (user + system of every descendant)
      are measured around it. Exit status: 0 done; 1 with --strict when a target is missed or the
      per-package sanity check finds a mismatch; 2 the benchmark could not run.
      """)

  @Option(help: "Packages in the generated Go module (at least 2).")
  var packages = 48

  @Option(help: "Repeat every configuration K times and report the median.")
  var runs = 1

  @Option(help: "Configurations to run, e.g. a,c,d-auto (default: all).")
  var only = "all"

  @Option(help: "Packages measured at once by (a), (b) and covbot (default: the number of CPUs).")
  var parallelism: Int?

  @Option(help: "Where to write the module, caches and outputs (default: a temporary directory, removed after).")
  var workDir: String?

  @Flag(help: "Keep the temporary work directory.")
  var keepWorkDir = false

  @Option(help: "The go binary (default: go on PATH, else .tools/go/go/bin/go).")
  var go: String?

  @Option(help: "The covbot binary (default: covbot next to covbot-bench).")
  var covbot: String?

  @Option(help: "Also write the table, targets and sanity check as Markdown to FILE.")
  var markdown: String?

  @Option(help: "Timeout per child process, in seconds.")
  var timeout = 1800

  @Flag(help: "Exit 1 when a target is missed or the sanity check finds a mismatch.")
  var strict = false

  @Flag(help: "Only write the Go module (into --work-dir) and exit, to inspect or reuse it.")
  var generateOnly = false

  func validate() throws {
    guard packages >= 2 else { throw ValidationError("--packages must be at least 2.") }
    guard runs >= 1 else { throw ValidationError("--runs must be at least 1.") }
    guard parallelism.map({ $0 >= 1 }) ?? true else { throw ValidationError("--parallelism must be at least 1.") }
    guard timeout >= 1 else { throw ValidationError("--timeout must be at least 1 second.") }
    guard !generateOnly || workDir != nil else { throw ValidationError("--generate-only needs --work-dir.") }
    do {
      _ = try BenchConfiguration.parse(only)
    } catch {
      throw ValidationError(error.description)
    }
  }

  func run() async throws {
    let command = self
    let passed: Bool
    do {
      passed = try await SignalCancellation.run { try await command.benchmark() }
    } catch let error as BenchError {
      Self.log("covbot-bench: \(error)")
      throw ExitCode(2)
    } catch is CancellationError {
      Self.log("covbot-bench: interrupted; children were stopped")
      throw ExitCode(130)
    }
    if strict && !passed { throw ExitCode(1) }
  }

  /// Runs the benchmark; returns whether every target was met and the sanity check passed.
  private func benchmark() async throws -> Bool {
    let configurations = try BenchConfiguration.parse(only)
    let go = try BenchTools.locateGo(explicit: self.go)
    let covbot = BenchTools.locateCovBot(explicit: self.covbot)
    let parallelism = self.parallelism ?? ProcessInfo.processInfo.activeProcessorCount
    let work = try WorkDirectory(explicit: workDir, keep: keepWorkDir)
    defer { work.cleanUp() }

    let module = try GoModuleGenerator(packageCount: packages).write(to: "\(work.path)/module")
    if generateOnly {
      Self.log("covbot-bench: wrote \(packages) packages to \(module.dir)")
      return true
    }
    let runner = BenchRunner(
      go: go, covbot: covbot, module: module, parallelism: parallelism, timeout: .seconds(timeout),
      workDir: work.path)
    let goVersion = try await runner.goVersion()
    let testless = module.packages.filter { $0.testCount == 0 }.count
    let summary =
      "\(packages) packages (\(testless) without tests), \(ProcessInfo.processInfo.activeProcessorCount) CPUs, "
      + "parallelism \(parallelism), \(runs) run\(runs == 1 ? "" : "s")\(runs > 1 ? " (median)" : ""), "
      + "\(goVersion), cold GOCACHE per run"
    Self.log("covbot-bench gate: \(summary)")
    Self.log("  module: \(module.dir)")
    Self.log("  go: \(go)")
    switch covbot {
    case .success(let path): Self.log("  covbot: \(path)")
    case .failure(let error): Self.log("  covbot: unavailable, (d) rows will fail: \(error)")
    }

    var outcomes: [BenchConfiguration: [RunOutcome]] = [:]
    for run in 1...runs {
      for configuration in configurations {
        Self.log("[run \(run)/\(runs)] \(configuration.title) …")
        let outcome = try await runner.measure(configuration, run: run)
        outcomes[configuration, default: []].append(outcome)
        if let failure = outcome.failure {
          Self.log("    failed: \(failure)")
        } else {
          Self.log(String(format: "    %.1f s wall, %.1f s CPU", outcome.wallSeconds, outcome.cpuSeconds))
        }
      }
    }

    let rows = configurations.map { BenchRow(configuration: $0, outcomes: outcomes[$0] ?? []) }
    let report = BenchReport(
      summary: summary, table: ResultTable(rows: rows), targets: TargetCheck.evaluate(rows),
      sanity: SanityCheck.evaluate(rows, module: module))
    print(report.text(), terminator: "")
    if let markdown {
      do {
        try report.markdown().write(toFile: markdown, atomically: true, encoding: .utf8)
        Self.log("covbot-bench: wrote \(markdown)")
      } catch {
        throw BenchError("could not write --markdown \(markdown): \(error)", next: "Pass a writable path.")
      }
    }
    return report.passed
  }

  /// Writes a progress line to standard error.
  static func log(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
