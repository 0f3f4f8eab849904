import ArgumentParser
import CovBotKit
import CovEngine
import Foundation
import Reporters

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
      https://HOST/api/v3). With --base (and --max-drop) the results are compared exactly as `covbot gate` \
      and `covbot report` compare them. Exits 0 once published, whatever the verdict; when something cannot be \
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

  @Option(
    name: .customLong("max-drop"), parsing: .unconditional,
    help: ArgumentHelp(
      "With --base: fail a package whose coverage fell by more than this many points.", valueName: "points"))
  var maxDrop: Percent?

  @OptionGroup var publishing: PublishOptions

  func validate() throws {
    if maxDrop != nil && basePath == nil {
      throw ValidationError("--max-drop needs --base FILE: the drop is measured against the base results.")
    }
    if let maxDrop, maxDrop < .zero { throw ValidationError("--max-drop must not be negative (got \(maxDrop)).") }
  }

  func run() async throws {
    let console = Console()
    let reports = try ReportRun(
      request: ReportRequest(templateDirectory: templateDirectory), basePath: basePath, maxDrop: maxDrop,
      environment: ProcessInfo.processInfo.environment)
    let results: CovResults
    do {
      results = reports.compare(try ResultsFile.read(from: resultsPath))
    } catch {
      throw RunFailure(.usage, "\(error)")
    }
    let run = publishing.run(markdown: reports.markdown, console: console)
    try run.enforce(try await run.run(results, resultsPath: resultsPath))
  }
}
