import ArgumentParser
import CovEngine
import Foundation
import GitHub

/// The flags that say where and what to publish on GitHub: shared by `covbot publish` and `covbot gate --publish`.
///
/// The templates directory is not among them: `covbot gate` takes it from its report flags, `covbot publish`
/// from its own `--template-dir`, and both pass it to ``publish(_:templateDirectory:resultsPath:environment:)``.
struct PublishOptions: ParsableArguments {
  /// When to post the sticky PR comment.
  enum CommentMode: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Always.
    case on
    /// Never.
    case off
    /// When the gate fails; an existing comment is still updated when it passes again.
    case onFailure = "on-failure"
  }

  @Option(
    name: .customLong("repo"),
    help: ArgumentHelp("The repository (default: GITHUB_REPOSITORY).", valueName: "owner/name"))
  var repository: String?

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
  var comment = CommentMode.on

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

  @Option(help: ArgumentHelp("The environment variable holding the token.", valueName: "name"))
  var tokenEnv = "GITHUB_TOKEN"

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("The longest wait for a GitHub rate limit to reset, in seconds.", valueName: "seconds"))
  var maxWait = 300

  @Flag(help: "Exit 3 when something could not be published (default: warn and exit 0).")
  var failOnPublishError = false

  @Option(
    help: ArgumentHelp(
      "The module root relative to the repository root, for annotation paths (default: from GITHUB_WORKSPACE).",
      valueName: "path"))
  var pathPrefix: String?

  func validate() throws {
    if let repository {
      do throws(GitHubError) {
        _ = try RepositoryID(parsing: repository, source: "--repo")
      } catch {
        throw ValidationError(error.message)
      }
    }
    if let pullRequest, pullRequest < 1 { throw ValidationError("--pr must be a pull request number (1 or more)") }
    if let sha, !Self.isCommitSHA(sha) {
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
    if !Self.isVariableName(tokenEnv) {
      throw ValidationError("--token-env \"\(tokenEnv)\" is not an environment variable name")
    }
    if maxWait < 0 { throw ValidationError("--max-wait must not be negative") }
  }

  /// Publishes `results`: the sticky comment, the commit status and the check run, as the flags ask.
  ///
  /// Prints what it did (standard output) and what failed (standard error; `::warning` in Actions), and
  /// returns the report. Throws only for usage errors (templates that do not load: exit 2); publishing
  /// failures are in the report, for ``enforce(_:)`` to turn into exit 3 with `--fail-on-publish-error`.
  func publish(
    _ results: CovResults, templateDirectory: String?, resultsPath: String? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) async throws -> PublishReport {
    let publisher = Publisher(
      options: self, templateDirectory: templateDirectory, resultsPath: resultsPath, environment: environment,
      console: Console(environment: environment))
    return try await publisher.publish(results)
  }

  /// Exits 3 when something could not be published and `--fail-on-publish-error` was given.
  func enforce(_ report: PublishReport) throws {
    guard failOnPublishError, report.hasFailures else { return }
    throw CommandFailure(
      code: ExitStatus.infrastructure,
      description: "publishing to GitHub failed (--fail-on-publish-error): \(report.failureSummary)")
  }

  static func isCommitSHA(_ text: String) -> Bool {
    (text.count == 40 || text.count == 64) && text.allSatisfy(\.isHexDigit)
  }

  /// Whether `name` can name an environment variable (`--token-env`).
  static func isVariableName(_ name: String) -> Bool {
    name.first.map { $0 == "_" || $0.isLetter } == true
      && name.allSatisfy { $0.isASCII && ($0 == "_" || $0.isLetter || $0.isNumber) }
  }

  /// A client for the API named in `environment` (`GITHUB_API_URL`), with the token from `tokenEnv`, waiting at
  /// most `maxWait` seconds for a rate limit (shared by `covbot publish` and `covbot ratchet --propose`).
  static func client(
    environment: [String: String], tokenEnv: String, maxWait: Int
  ) throws(GitHubError) -> GitHubClient {
    GitHubClient(
      configuration: try .fromEnvironment(
        environment, tokenVariable: tokenEnv, userAgent: "covbot/\(CovBotVersion.current)",
        retry: RetryPolicy(maxWait: .seconds(maxWait))))
  }
}
