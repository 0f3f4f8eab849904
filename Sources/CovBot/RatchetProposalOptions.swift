import ArgumentParser
import CovBotKit

/// The flags of `covbot ratchet --propose`: where the pull request goes and how covbot talks to GitHub.
struct RatchetProposalOptions: ParsableArguments {
  @Flag(
    help: """
      Propose the new floors as a pull request on GitHub instead of writing them: one commit on --branch on top of \
      the base branch, one pull request, both updated in place on the next run.
      """)
  var propose = false

  @Option(help: ArgumentHelp("The proposal's branch; covbot resets it on every run.", valueName: "name"))
  var branch = RatchetProposalSettings.defaultBranch

  @Option(
    help: ArgumentHelp(
      "The branch to propose into (default: GITHUB_BASE_REF, else the event's repository.default_branch, else main).",
      valueName: "name"))
  var baseBranch: String?

  @Flag(help: "When nothing is left to raise, close the open proposal (default: comment on it once).")
  var closeStale = false

  @OptionGroup var github: GitHubOptions

  @Option(
    name: .customLong("template-dir"),
    help: ArgumentHelp(
      "With --propose: Mustache templates overriding the bundled ones by name (ratchet-pr.md.mustache).",
      valueName: "dir"))
  var templateDirectory: String?

  /// The values as the proposal run takes them.
  var settings: RatchetProposalSettings {
    RatchetProposalSettings(
      branch: branch, baseBranch: baseBranch, closeStale: closeStale, github: github.target,
      templateDirectory: templateDirectory)
  }

  func validate() throws {
    if let problem = settings.problem { throw ValidationError(problem) }
    if !propose {
      let given: [(Bool, String)] = [
        (closeStale, "--close-stale"), (branch != RatchetProposalSettings.defaultBranch, "--branch"),
        (baseBranch != nil, "--base-branch"), (github.repository != nil, "--repo"),
        (github.pathPrefix != nil, "--path-prefix"), (templateDirectory != nil, "--template-dir"),
      ]
      if let flag = given.first(where: \.0)?.1 { throw ValidationError("\(flag) needs --propose") }
    }
  }
}
