import CovBotSupport
import Foundation
import GitHub
import Reporters

/// Where `covbot ratchet --propose` puts its pull request.
public struct RatchetProposalSettings: Sendable, Hashable {
  /// The proposal branch when none is given.
  public static let defaultBranch = "covbot/ratchet"

  /// The proposal's branch (covbot resets it on every run), without `refs/heads/`.
  public var branch: String
  /// The branch to propose into; `nil`: `GITHUB_BASE_REF`, else the event's default branch, else `main`.
  public var baseBranch: String?
  /// Close the open proposal when nothing is left to raise (default: comment on it once).
  public var closeStale: Bool
  /// The repository, the token and the limits.
  public var github: GitHubTarget
  /// Templates overriding the bundled ones (`ratchet-pr.md.mustache`).
  public var templateDirectory: String?

  /// Creates settings; `refs/heads/` prefixes are dropped.
  public init(
    branch: String = Self.defaultBranch, baseBranch: String? = nil, closeStale: Bool = false,
    github: GitHubTarget = GitHubTarget(), templateDirectory: String? = nil
  ) {
    self.branch = Self.stripHeads(branch)
    self.baseBranch = baseBranch.map(Self.stripHeads)
    self.closeStale = closeStale
    self.github = github
    self.templateDirectory = templateDirectory
  }

  /// The problem with these values, if any, as a sentence naming the flag.
  public var problem: String? {
    if !PullRequestProposal.isValidBranchName(branch) {
      return "--branch \"\(branch)\" is not a branch name covbot uses (letters, digits, '.', '_', '-' and '/')"
    }
    if let baseBranch {
      if !PullRequestProposal.isValidBranchName(baseBranch) {
        return "--base-branch \"\(baseBranch)\" is not a branch name"
      }
      if baseBranch == branch {
        return "--branch and --base-branch are both \"\(branch)\": covbot resets its branch on every run, so it "
          + "needs one of its own"
      }
    }
    return github.problem
  }

  /// The branch to propose into: the setting, else `GITHUB_BASE_REF`, else the event payload's
  /// `repository.default_branch`, else `main`.
  public func resolvedBaseBranch(context: GitHubContext) -> String {
    if let baseBranch { return baseBranch }
    for name in [context.baseRef, context.defaultBranch].compactMap(\.self)
    where PullRequestProposal.isValidBranchName(name) {
      return name
    }
    return "main"
  }

  /// The module root relative to the repository root (`""` when the module is the repository):
  /// the path prefix, else the module's place under `GITHUB_WORKSPACE`.
  public func repositoryPrefix(moduleDirectory: String, actions: ActionsEnvironment) -> String {
    if let pathPrefix = github.pathPrefix { return GitHubTarget.normalizedPrefix(pathPrefix) ?? "" }
    return actions.pathPrefix(moduleDirectory: moduleDirectory)
  }

  private static func stripHeads(_ name: String) -> String {
    name.hasPrefix("refs/heads/") ? String(name.dropFirst("refs/heads/".count)) : name
  }
}
