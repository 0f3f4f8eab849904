import ArgumentParser
import CovEngine
import Foundation

/// `covbot publish`: post a results file to GitHub (sticky PR comment, commit status, check run).
struct PublishCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "publish",
    abstract: "Publish a results file to GitHub: sticky PR comment, commit status, check run with annotations.",
    discussion: """
      Reads the results `covbot gate` wrote, so a trusted job can publish what an untrusted one measured: \
      pull requests from forks get a read-only GITHUB_TOKEN, so upload the results file and the PR number \
      from the pull_request job and run `covbot publish --pr N --sha S` in a workflow_run job. \
      The token comes from GITHUB_TOKEN (or --token-env), the API from GITHUB_API_URL (GitHub Enterprise: \
      https://HOST/api/v3). Exits 0 once published, whatever the verdict; when something cannot be \
      published it warns and exits 0, or 3 with --fail-on-publish-error.
      """
  )

  @Option(name: .customLong("results"), help: ArgumentHelp("The results file to publish.", valueName: "file"))
  var resultsPath: String = ResultsFile.defaultName

  @Option(
    name: .customLong("template-dir"),
    help: ArgumentHelp("Mustache templates overriding the bundled ones by name.", valueName: "dir"))
  var templateDirectory: String?

  @Option(
    name: .customLong("base"),
    help: ArgumentHelp("The base branch's results file: adds the threshold diff to the comment.", valueName: "file"))
  var basePath: String?

  @OptionGroup var publishing: PublishOptions

  func run() async throws {
    var results: CovResults
    do {
      results = try ResultsFile.read(from: resultsPath)
      if let basePath { results.diff = ThresholdDiff(head: results, base: try ResultsFile.read(from: basePath)) }
    } catch {
      throw CommandFailure(code: ExitStatus.usage, description: "\(error)")
    }
    let report = try await publishing.publish(results, templateDirectory: templateDirectory, resultsPath: resultsPath)
    try publishing.enforce(report)
  }
}
