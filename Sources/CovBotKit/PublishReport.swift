import GitHub

/// What `covbot publish` did for each thing it was asked to publish.
public struct PublishReport: Sendable {
  /// Something covbot publishes.
  public enum Target: String, Sendable, CaseIterable {
    case comment = "PR comment"
    case status = "commit status"
    case patchStatus = "patch status"
    case checkRun = "check run"
  }

  /// What became of one target.
  public enum Outcome: Sendable {
    /// Published (or found up to date); the text says how and where.
    case published(String)
    /// Not attempted, for the reason given (not asked, no pull request, …).
    case skipped(String)
    /// Attempted and failed.
    case failed(GitHubError)
  }

  /// One line per target, in publishing order.
  public var entries: [(target: Target, outcome: Outcome)] = []
  /// A failure before any target could be attempted (no token, no repository, unreadable event file).
  public var setupFailure: String?

  /// Whether anything that was to be published was not.
  public var hasFailures: Bool {
    setupFailure != nil || entries.contains { if case .failed = $0.outcome { true } else { false } }
  }

  /// Whether GitHub refused because the token is read-only (fork pull requests).
  public var readOnlyToken: Bool {
    entries.contains { if case .failed(let error) = $0.outcome { error.isReadOnlyToken } else { false } }
  }

  /// The failures, one clause each.
  public var failureSummary: String {
    var parts: [String] = []
    if let setupFailure { parts.append(setupFailure) }
    for (target, outcome) in entries {
      if case .failed(let error) = outcome { parts.append("\(target.rawValue): \(error)") }
    }
    return parts.joined(separator: "; ")
  }
}
