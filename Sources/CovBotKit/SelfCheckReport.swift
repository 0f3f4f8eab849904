/// What `covbot self-check` found: one line per fact, and the problems that make it fail.
public struct SelfCheckReport: Sendable, Equatable {
  /// One reported fact, e.g. `libcurl` → `7.88.1`.
  public struct Line: Sendable, Equatable {
    /// What the line is about.
    public var label: String
    /// What was found.
    public var value: String
  }

  /// The facts, in the order they are printed.
  public var lines: [Line]
  /// Why covbot cannot work here (it cannot publish at all); any makes the check fail.
  public var problems: [String]
  /// What may fail later (e.g. no CA bundle: publishing would fail, gating works).
  public var warnings: [String]

  /// Whether nothing stops covbot from working here.
  public var passed: Bool { problems.isEmpty }

  /// The value of the line labelled `label`.
  public func value(of label: String) -> String? { lines.first { $0.label == label }?.value }

  /// The report as printed: aligned `label: value` lines, then warnings, problems and the verdict.
  public var text: String {
    let width = (lines.map(\.label.count) + ["self-check".count]).max() ?? 0
    func row(_ label: String, _ value: String) -> String {
      label + ":" + String(repeating: " ", count: width - label.count + 1) + value + "\n"
    }
    var text = lines.map { row($0.label, $0.value) }.joined()
    for warning in warnings { text += row("warning", warning) }
    for problem in problems { text += row("problem", problem) }
    text += row("self-check", passed ? "ok" : "FAILED")
    return text
  }
}
