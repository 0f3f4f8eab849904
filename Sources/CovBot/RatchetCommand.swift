import ArgumentParser
import CovBotKit
import CovEngine
import Foundation
import Reporters

/// `covbot ratchet`: raise floors that lag behind real coverage, locally or as a pull request.
struct RatchetCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ratchet",
    abstract: "Raise loose .covgate floors to the measured coverage (never lowers a floor).",
    discussion: """
      New floor = coverage − --margin, rounded down to one decimal, lifted if needed so that gating \
      the same results again passes without LOOSE. Packages whose tests or build failed are never \
      touched. Reads --results, or runs the gate first with the gate flags below.

      With --propose the new floors go to GitHub instead of the work tree: one commit on --branch \
      (covbot/ratchet) on top of the base branch's head, one pull request, both updated in place by later \
      runs; with nothing left to raise, the open proposal gets a note once (or is closed with --close-stale). \
      Exits 0 when proposed or when there is nothing to do, 2 on usage errors, 3 when GitHub failed. \
      Pull requests pushed with GitHub Actions' GITHUB_TOKEN start no workflows: use an App token or a PAT \
      (--token-env).
      """
  )

  @Option(help: "A results file to ratchet from (default: run the gate first).")
  var results: String?

  @Flag(help: "Write the new floors (default: --dry-run, which only prints them and a diff).")
  var write = false

  @Flag(help: "Print the new floors and a unified diff without writing anything.")
  var dryRun = false

  @Flag(help: "With --write: commit the changed floor files with git.")
  var commit = false

  @Option(
    parsing: .unconditional, help: "Points below the measured coverage for the new floor (at most the tolerance).")
  var margin = Percent.zero

  @Flag(name: .customLong("init"), help: "Also give packages without a .covgate file one.")
  var initialize = false

  @OptionGroup(title: "Pull request (--propose)")
  var proposal: RatchetProposalOptions

  @OptionGroup(title: "Gate options (when no --results file is given)")
  var gate: GateOptions

  func validate() throws {
    if write && dryRun { throw ValidationError("--write and --dry-run exclude each other") }
    if commit && !write { throw ValidationError("--commit needs --write") }
    if margin < .zero { throw ValidationError("--margin must not be negative") }
    if proposal.propose && (write || dryRun || commit) {
      throw ValidationError("--propose writes nothing locally: it excludes --write, --dry-run and --commit")
    }
  }

  func run() async throws {
    let console = Console()
    let measured = try await loadResults(console: console)
    let mode: RatchetRun.Mode =
      proposal.propose ? .propose(proposal.settings) : write ? .write(commit: commit) : .dryRun
    let run = RatchetRun(
      margin: margin, initialize: initialize, mode: mode, environment: ProcessInfo.processInfo.environment,
      output: console.runOutput)
    try await run.run(
      measured, moduleDirectory: results == nil ? measured.moduleDirectory : moduleDirectory(for: measured))
  }

  /// The results to ratchet: from `--results`, or from a gate run (whose results file is written too).
  private func loadResults(console: Console) async throws -> CovResults {
    if let results {
      do {
        return try ResultsFile.read(from: results)
      } catch {
        throw RunFailure(.usage, "\(error)")
      }
    }
    let run = try gate.run(console: console, secretVariables: [proposal.github.tokenEnv])
    let (measured, signal) = try await run.measure()
    _ = try run.writeResults(measured)
    if let signal { throw ExitCode(128 + signal) }
    return measured
  }

  /// Floor files live in the module the results describe: its recorded root when it exists
  /// here, else `--module-dir` (results measured on another machine).
  private func moduleDirectory(for results: CovResults) -> String {
    var isDirectory: ObjCBool = false
    let recorded = results.moduleDirectory
    if gate.moduleDirectory == "." && FileManager.default.fileExists(atPath: recorded, isDirectory: &isDirectory)
      && isDirectory.boolValue
    {
      return recorded
    }
    return gate.absoluteModuleDirectory
  }
}
