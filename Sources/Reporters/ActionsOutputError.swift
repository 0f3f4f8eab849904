/// A GitHub Actions file (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`) could not be written.
public struct ActionsOutputError: Error, Sendable, CustomStringConvertible {
  /// The environment variable that named the file.
  public var variable: String
  /// The file.
  public var path: String
  /// What went wrong.
  public var reason: String

  /// Creates an error about the file `variable` names.
  public init(variable: String, path: String, reason: String) {
    self.variable = variable
    self.path = path
    self.reason = reason
  }

  public var description: String {
    "cannot append to \(variable) (\(path)): \(reason). The runner creates this file for each step; "
      + "unset GITHUB_ACTIONS when running outside GitHub Actions."
  }
}
