import ArgumentParser
import Foundation
import GitHub
import Reporters

/// The flags of `covbot ratchet --propose`: where the pull request goes and how covbot talks to GitHub.
struct RatchetProposalOptions: ParsableArguments {
  /// The proposal branch when `--branch` is not given.
  static let defaultBranch = "covbot/ratchet"

  @Flag(
    help: """
      Propose the new floors as a pull request on GitHub instead of writing them: one commit on --branch on top of \
      the base branch, one pull request, both updated in place on the next run.
      """)
  var propose = false

  @Option(help: ArgumentHelp("The proposal's branch; covbot resets it on every run.", valueName: "name"))
  var branch = Self.defaultBranch

  @Option(
    help: ArgumentHelp(
      "The branch to propose into (default: GITHUB_BASE_REF, else the event's repository.default_branch, else main).",
      valueName: "name"))
  var baseBranch: String?

  @Flag(help: "When nothing is left to raise, close the open proposal (default: comment on it once).")
  var closeStale = false

  @Option(
    name: .customLong("repo"),
    help: ArgumentHelp("With --propose: the repository (default: GITHUB_REPOSITORY).", valueName: "owner/name"))
  var repository: String?

  @Option(
    help: ArgumentHelp(
      "With --propose: the environment variable holding the token. Pull requests opened with GitHub Actions' "
        + "GITHUB_TOKEN start no workflows: use a GitHub App token or a personal access token.",
      valueName: "name"))
  var tokenEnv = "GITHUB_TOKEN"

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "With --propose: the longest wait for a GitHub rate limit to reset, in seconds.", valueName: "seconds"))
  var maxWait = 300

  @Option(
    help: ArgumentHelp(
      "With --propose: the module root relative to the repository root (default: from GITHUB_WORKSPACE, else the "
        + "module is the repository root).", valueName: "path"))
  var pathPrefix: String?

  @Option(
    name: .customLong("template-dir"),
    help: ArgumentHelp(
      "With --propose: Mustache templates overriding the bundled ones by name (ratchet-pr.md.mustache).",
      valueName: "dir"))
  var templateDirectory: String?

  func validate() throws {
    let branch = Self.stripHeads(branch)
    if !PullRequestProposal.isValidBranchName(branch) {
      throw ValidationError(
        "--branch \"\(self.branch)\" is not a branch name covbot uses (letters, digits, '.', '_', '-' and '/')")
    }
    if let baseBranch {
      let base = Self.stripHeads(baseBranch)
      if !PullRequestProposal.isValidBranchName(base) {
        throw ValidationError("--base-branch \"\(baseBranch)\" is not a branch name")
      }
      if base == branch {
        throw ValidationError(
          "--branch and --base-branch are both \"\(branch)\": covbot resets its branch on every run, so it needs one "
            + "of its own")
      }
    }
    if let repository {
      do throws(GitHubError) {
        _ = try RepositoryID(parsing: repository, source: "--repo")
      } catch {
        throw ValidationError(error.message)
      }
    }
    if !PublishOptions.isVariableName(tokenEnv) {
      throw ValidationError("--token-env \"\(tokenEnv)\" is not an environment variable name")
    }
    if maxWait < 0 { throw ValidationError("--max-wait must not be negative") }
    if let pathPrefix, Self.normalizedPrefix(pathPrefix) == nil {
      throw ValidationError("--path-prefix \"\(pathPrefix)\" must be a relative path inside the repository")
    }
    if !propose {
      let given: [(Bool, String)] = [
        (closeStale, "--close-stale"), (self.branch != Self.defaultBranch, "--branch"),
        (baseBranch != nil, "--base-branch"), (repository != nil, "--repo"), (pathPrefix != nil, "--path-prefix"),
        (templateDirectory != nil, "--template-dir"),
      ]
      if let flag = given.first(where: \.0)?.1 { throw ValidationError("\(flag) needs --propose") }
    }
  }

  /// The proposal branch, without a `refs/heads/` prefix.
  var proposalBranch: String { Self.stripHeads(branch) }

  /// The branch to propose into: `--base-branch`, else `GITHUB_BASE_REF`, else the event payload's
  /// `repository.default_branch`, else `main`.
  func baseBranch(environment: [String: String]) -> String {
    if let baseBranch { return Self.stripHeads(baseBranch) }
    if let ref = environment["GITHUB_BASE_REF"], PullRequestProposal.isValidBranchName(ref) { return ref }
    if let path = environment["GITHUB_EVENT_PATH"], !path.isEmpty,
      let data = FileManager.default.contents(atPath: path),
      let event = try? JSONDecoder().decode(EventRepository.self, from: data),
      let name = event.repository?.defaultBranch, PullRequestProposal.isValidBranchName(name)
    {
      return name
    }
    return "main"
  }

  /// The module root relative to the repository root (`""` when the module is the repository):
  /// `--path-prefix`, else the module's place under `GITHUB_WORKSPACE`.
  func repositoryPrefix(moduleDirectory: String, environment: [String: String]) -> String {
    if let pathPrefix { return Self.normalizedPrefix(pathPrefix) ?? "" }
    return GitHubActionsOutput(environment: environment).pathPrefix(moduleDir: moduleDirectory)
  }

  /// `a/b` from `./a/b/`; `""` for `.`; `nil` for absolute paths and paths that leave the repository.
  static func normalizedPrefix(_ text: String) -> String? {
    guard !text.hasPrefix("/") else { return nil }
    let parts = text.split(separator: "/").filter { $0 != "." }
    guard !parts.contains("..") else { return nil }
    return parts.joined(separator: "/")
  }

  private static func stripHeads(_ name: String) -> String {
    name.hasPrefix("refs/heads/") ? String(name.dropFirst("refs/heads/".count)) : name
  }

  /// The part of an event payload that names the repository's default branch.
  private struct EventRepository: Decodable {
    struct Repository: Decodable {
      var defaultBranch: String?

      enum CodingKeys: String, CodingKey {
        case defaultBranch = "default_branch"
      }
    }

    var repository: Repository?
  }
}
