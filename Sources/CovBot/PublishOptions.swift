import ArgumentParser
import CovBotKit
import CovEngine
import Foundation
import Reporters

/// The flags that say where and what to publish on GitHub: shared by `covbot publish` and `covbot gate --publish`.
struct PublishOptions: ParsableArguments {
  @OptionGroup var github: GitHubOptions

  @Option(
    name: .customLong("pr"), parsing: .unconditional,
    help: ArgumentHelp("The pull request to comment on (default: from the pull_request event).", valueName: "n"))
  var pullRequest: Int?

  @Option(
    name: .customLong("sha"),
    help: ArgumentHelp(
      "The commit for the status and check run (default: the pull request's head, else GITHUB_SHA, else the "
        + "results' commit).", valueName: "sha"))
  var sha: String?

  @Option(help: "Post the sticky PR comment: on, off or on-failure.")
  var comment = PublishSettings.CommentMode.on

  @Option(help: "Tells apart sticky comments of several covbot runs on one pull request (monorepos).")
  var commentKey = "default"

  @Flag(inversion: .prefixedNo, help: "Set a commit status.")
  var status = true

  @Option(help: "The commit status context.")
  var statusContext = "covbot"

  @Flag(
    inversion: .prefixedNo,
    help: "Publish a check run with annotations (needs a GitHub App token such as GITHUB_TOKEN).")
  var checkRun = false

  @Option(help: "The check run's name.")
  var checkName = "covbot"

  @Flag(help: "Exit 3 when something could not be published (default: warn and exit 0).")
  var failOnPublishError = false

  func validate() throws {
    if let pullRequest, pullRequest < 1 { throw ValidationError("--pr must be a pull request number (1 or more)") }
    if let sha, !PublishSettings.isCommitSHA(sha) {
      throw ValidationError("--sha \"\(sha)\" is not a full commit SHA (40 or 64 hexadecimal digits)")
    }
    if commentKey.isEmpty || commentKey.contains(where: \.isWhitespace) {
      throw ValidationError("--comment-key must be a non-empty word without spaces (e.g. services-api)")
    }
    if statusContext.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError("--status-context must not be empty")
    }
    if checkName.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError("--check-name must not be empty")
    }
  }

  /// The values as the publishing run takes them.
  var settings: PublishSettings {
    PublishSettings(
      github: github.target, pullRequest: pullRequest, sha: sha, comment: comment, commentKey: commentKey,
      status: status, statusContext: statusContext, checkRun: checkRun, checkName: checkName,
      failOnPublishError: failOnPublishError)
  }

  /// A publishing run rendering with `markdown` (templates loaded once for the whole command).
  func run(markdown: MarkdownReport, console: Console) -> PublishRun {
    PublishRun(
      settings: settings, markdown: markdown, environment: ProcessInfo.processInfo.environment,
      output: console.runOutput)
  }
}

extension PublishSettings.CommentMode: ExpressibleByArgument {}
