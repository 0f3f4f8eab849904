import CovEngine

/// `covbot ratchet` as a plain-value API: plan the raises, then print, write, commit or propose them.
public struct RatchetRun: Sendable {
  /// What to do with the plan.
  public enum Mode: Sendable {
    /// Print the new floors and a unified diff; write nothing.
    case dryRun
    /// Write the floor files, and commit them with git when `commit` is set.
    case write(commit: Bool)
    /// Propose the new floors as a pull request on GitHub.
    case propose(RatchetProposalSettings)
  }

  /// Points below the measured coverage for the new floor.
  public var margin: Percent
  /// Also give packages without a `.covgate` file one.
  public var initialize: Bool
  /// What to do with the plan.
  public var mode: Mode
  /// The process environment (for `propose`).
  public var environment: [String: String]
  /// Where the run prints.
  public var output: RunOutput

  /// Creates a ratchet run.
  public init(
    margin: Percent, initialize: Bool, mode: Mode, environment: [String: String], output: RunOutput
  ) {
    self.margin = margin
    self.initialize = initialize
    self.mode = mode
    self.environment = environment
    self.output = output
  }

  /// Plans the raises for `results` against the floor files under `moduleDirectory` and carries
  /// out the mode. Throws ``RunFailure``.
  public func run(_ results: CovResults, moduleDirectory: String) async throws {
    let plan = RatchetPlan(results: results, moduleDirectory: moduleDirectory, margin: margin, initialize: initialize)
    for problem in plan.problems {
      output.errorLine("warning: \(problem.importPath) left alone: \(problem.reason)")
    }
    if case .propose(let settings) = mode {
      let run = RatchetProposalRun(settings: settings, environment: environment, output: output)
      return try await run.run(plan, results: results)
    }
    guard !plan.changes.isEmpty else {
      output.line("Nothing to ratchet: no floor lags its coverage by more than \(results.settings.tolerance) points.")
      return
    }
    output.untrusted(RatchetTable.render(plan))
    guard case .write(let commit) = mode else {
      output.out("\n" + plan.unifiedDiff)
      output.line("\nDry run: nothing written. Run with --write to apply.")
      return
    }
    let written: [String]
    do {
      written = try plan.write()
    } catch {
      throw RunFailure(.infrastructure, "\(error)")
    }
    output.line("\nWrote \(written.count) floor file(s).")
    if commit {
      try await LocalGit(directory: moduleDirectory).commit(files: written, message: RatchetTable.commitMessage(plan))
      output.line("Committed: \(RatchetTable.commitTitle(plan))")
    }
  }
}
