import Foundation

/// What a GitHub Actions runner says about the current step in its environment, read once.
///
/// The one model of "are we in Actions", the run's page and the runner's files: the reporters
/// (step outputs, job summary), the GitHub client (where to publish) and the command line (how to
/// print) all read it from here.
public struct ActionsEnvironment: Sendable, Hashable {
  /// Whether this runs as a GitHub Actions step (`GITHUB_ACTIONS=true`).
  public var isActions: Bool
  /// The web server (`GITHUB_SERVER_URL`, default `https://github.com`), without a trailing slash.
  public var serverURL: String
  /// Whether the runner set `GITHUB_SERVER_URL`.
  public var serverURLGiven: Bool
  /// `OWNER/NAME` (`GITHUB_REPOSITORY`), unparsed.
  public var repository: String?
  /// The workflow run's id (`GITHUB_RUN_ID`).
  public var runID: String?
  /// The commit the workflow runs on (`GITHUB_SHA`).
  public var sha: String?
  /// The triggering event's name (`GITHUB_EVENT_NAME`).
  public var eventName: String?
  /// The event payload's file (`GITHUB_EVENT_PATH`).
  public var eventPath: String?
  /// A pull request's base branch (`GITHUB_BASE_REF`).
  public var baseRef: String?
  /// The checkout (`GITHUB_WORKSPACE`).
  public var workspace: String?
  /// The step-outputs file (`GITHUB_OUTPUT`).
  public var outputPath: String?
  /// The job-summary file (`GITHUB_STEP_SUMMARY`).
  public var stepSummaryPath: String?

  /// Reads the runner's variables from `environment`; an empty variable counts as unset.
  public init(_ environment: [String: String]) {
    func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
    isActions = value("GITHUB_ACTIONS") == "true"
    serverURLGiven = value("GITHUB_SERVER_URL") != nil
    let server = value("GITHUB_SERVER_URL") ?? "https://github.com"
    serverURL = server.hasSuffix("/") ? String(server.dropLast()) : server
    repository = value("GITHUB_REPOSITORY")
    runID = value("GITHUB_RUN_ID")
    sha = value("GITHUB_SHA")
    eventName = value("GITHUB_EVENT_NAME")
    eventPath = value("GITHUB_EVENT_PATH")
    baseRef = value("GITHUB_BASE_REF")
    workspace = value("GITHUB_WORKSPACE")
    outputPath = value("GITHUB_OUTPUT")
    stepSummaryPath = value("GITHUB_STEP_SUMMARY")
  }

  /// `SERVER/OWNER/NAME/actions/runs/ID`, when the runner named all three (a link guessed
  /// without the server would point GitHub Enterprise users at github.com).
  public var runURL: String? {
    guard serverURLGiven, let repository, let runID else { return nil }
    return "\(serverURL)/\(repository)/actions/runs/\(runID)"
  }

  /// The module root relative to the checkout, for paths GitHub shows (annotations, files);
  /// `""` when the module is the checkout, lies outside it, or there is no checkout.
  public func pathPrefix(moduleDirectory: String) -> String {
    guard let workspace else { return "" }
    let root = URL(fileURLWithPath: workspace).standardizedFileURL.pathComponents
    let module = URL(fileURLWithPath: moduleDirectory).standardizedFileURL.pathComponents
    guard module.count > root.count, Array(module.prefix(root.count)) == root else { return "" }
    return module.dropFirst(root.count).joined(separator: "/")
  }
}
