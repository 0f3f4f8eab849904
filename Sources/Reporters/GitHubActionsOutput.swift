import CovBotSupport
import CovEngine
import Foundation

/// What a step tells GitHub Actions without a token: step outputs, the job summary, annotations.
public struct GitHubActionsOutput: Sendable {
  /// The runner's variables.
  public var actions: ActionsEnvironment

  /// Reads the runner's variables from `environment`.
  public init(environment: [String: String]) {
    self.init(actions: ActionsEnvironment(environment))
  }

  /// Writes where `actions` says.
  public init(actions: ActionsEnvironment) {
    self.actions = actions
  }

  /// Whether covbot runs inside GitHub Actions (`GITHUB_ACTIONS=true`).
  public var isActions: Bool { actions.isActions }

  /// The workflow run's page, when known.
  public var runURL: String? { actions.runURL }

  /// The module root relative to the checkout, for annotation paths.
  public func pathPrefix(moduleDirectory: String) -> String { actions.pathPrefix(moduleDirectory: moduleDirectory) }

  /// The step outputs: `status` (pass/fail), `total-coverage` (`81.3`, empty without statements),
  /// `failed-packages` and `loose-packages` (import paths, one a line), `patch-coverage` (`73.1`,
  /// empty without a patch figure).
  public static func outputs(for results: CovResults) -> [(name: String, value: String)] {
    let coverage = results.verdict.coverage
    let failed = results.packages.filter(\.status.isFailure).map(\.importPath)
    let loose = results.packages.filter { $0.status == .loose }.map(\.importPath)
    return [
      ("status", results.verdict.passed ? "pass" : "fail"),
      ("total-coverage", coverage.total > 0 ? "\(coverage.flooredPercent(decimals: 1))" : ""),
      ("failed-packages", failed.joined(separator: "\n")),
      ("loose-packages", loose.joined(separator: "\n")),
      ("patch-coverage", results.patch.map(Self.patchCoverage) ?? ""),
    ]
  }

  /// `73.1`; empty when no changed line holds a statement.
  static func patchCoverage(_ patch: PatchResult) -> String {
    patch.coverage.total > 0 ? "\(patch.coverage.flooredPercent(decimals: 1))" : ""
  }

  /// Appends `outputs` to `$GITHUB_OUTPUT` in the multi-line-safe `name<<DELIMITER` form.
  public func writeOutputs(_ outputs: [(name: String, value: String)]) throws(ActionsOutputError) {
    guard let path = actions.outputPath else { return }
    var text = ""
    for (name, value) in outputs { text += Self.heredoc(name: name, value: value) }
    try Self.append(text, to: path, variable: "GITHUB_OUTPUT")
  }

  /// Appends `markdown` to `$GITHUB_STEP_SUMMARY`.
  public func appendStepSummary(_ markdown: String) throws(ActionsOutputError) {
    guard let path = actions.stepSummaryPath else { return }
    try Self.append(markdown.hasSuffix("\n") ? markdown : markdown + "\n", to: path, variable: "GITHUB_STEP_SUMMARY")
  }

  /// `name<<ghadelimiter_…\nvalue\nghadelimiter_…\n`, with a random delimiter the value does not contain.
  static func heredoc(name: String, value: String) -> String {
    var delimiter: String
    repeat {
      delimiter = "ghadelimiter_\(UUID().uuidString)"
    } while value.contains(delimiter) || name.contains(delimiter)
    return "\(name)<<\(delimiter)\n\(value)\n\(delimiter)\n"
  }

  /// Appends with `O_APPEND`: the runner owns these files and reads them after the step.
  static func append(_ text: String, to path: String, variable: String) throws(ActionsOutputError) {
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw ActionsOutputError(variable: variable, path: path, reason: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if result < 0 {
        if errno == EINTR { continue }
        throw ActionsOutputError(variable: variable, path: path, reason: String(cString: strerror(errno)))
      }
      written += result
    }
  }
}
