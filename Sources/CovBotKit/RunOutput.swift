import Reporters

/// Where a run says what it did (standard output) and what went wrong (standard error).
///
/// The command-line tool writes to the terminal; tests capture the lines.
public struct RunOutput: Sendable {
  /// Writes text (with its own line breaks) to standard output.
  public var out: @Sendable (String) -> Void
  /// Writes text (with its own line breaks) to standard error.
  public var error: @Sendable (String) -> Void
  /// Whether standard output is a GitHub Actions log, where `::command::` lines act.
  public var inActions: Bool

  /// Creates an output from two writers.
  public init(
    inActions: Bool, out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void
  ) {
    self.out = out
    self.error = error
    self.inActions = inActions
  }

  /// Writes `text` to standard output, ending it with a line break.
  public func line(_ text: String) {
    out(text.hasSuffix("\n") ? text : text + "\n")
  }

  /// Writes `text` to standard error, ending it with a line break.
  public func errorLine(_ text: String) {
    error(text.hasSuffix("\n") ? text : text + "\n")
  }

  /// Writes text that carries what tests printed or packages are named to standard output.
  ///
  /// In Actions it is fenced with `::stop-commands::<random>` … `::<random>::`, so a test that
  /// prints `::warning::…` or `::add-mask::…` cannot issue workflow commands through covbot.
  public func untrusted(_ text: String) {
    out(WorkflowCommands.fenced(text, enabled: inActions))
  }

  /// A warning on standard error and, in Actions, as a workflow command titled `title`.
  public func warn(_ text: String, title: String) {
    errorLine("covbot: warning: \(text)")
    if inActions { line("::warning title=\(title)::\(WorkflowCommands.escapeData(text))") }
  }
}
