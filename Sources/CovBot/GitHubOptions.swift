import ArgumentParser
import CovBotKit

/// The flags every GitHub call shares: shared by `covbot publish`, `covbot gate --publish` and
/// `covbot ratchet --propose`, so they read and check them the same way.
struct GitHubOptions: ParsableArguments {
  @Option(
    name: .customLong("repo"),
    help: ArgumentHelp("The repository (default: GITHUB_REPOSITORY).", valueName: "owner/name"))
  var repository: String?

  @Option(
    help: ArgumentHelp(
      "The environment variable holding the token. Pull requests opened with GitHub Actions' GITHUB_TOKEN start "
        + "no workflows: for --propose use a GitHub App token or a personal access token.",
      valueName: "name"))
  var tokenEnv = "GITHUB_TOKEN"

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("The longest wait for a GitHub rate limit to reset, in seconds.", valueName: "seconds"))
  var maxWait = 300

  @Option(
    help: ArgumentHelp(
      "The module root relative to the repository root, for annotation and floor-file paths (default: from "
        + "GITHUB_WORKSPACE, else the module is the repository root).", valueName: "path"))
  var pathPrefix: String?

  /// The values as the runs take them.
  var target: GitHubTarget {
    GitHubTarget(repository: repository, tokenVariable: tokenEnv, maxWait: maxWait, pathPrefix: pathPrefix)
  }

  func validate() throws {
    if let problem = target.problem { throw ValidationError(problem) }
  }
}
