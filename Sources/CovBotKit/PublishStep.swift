import GitHub

/// Publishes the targets one after another, each at most once.
///
/// A target is skipped when it was not asked for, when it has nowhere to go (no pull request, no
/// commit), or after an earlier failure that the next request would only repeat (network, token,
/// rate limit). A GitHub failure is kept as the target's outcome; any other error (a broken
/// template) ends the whole run.
struct PublishStep {
  /// The outcomes so far, in publishing order.
  private(set) var entries: [(target: PublishReport.Target, outcome: PublishReport.Outcome)] = []
  /// Told each outcome as soon as it is known.
  var announce: (PublishReport.Target, PublishReport.Outcome) -> Void
  private var stop: GitHubError?

  /// Starts with no outcomes; `announce` hears each one as it comes.
  init(announce: @escaping (PublishReport.Target, PublishReport.Outcome) -> Void) {
    self.announce = announce
  }

  /// Publishes `target` to `destination` with `publish`, or records why not.
  mutating func run<Destination>(
    _ target: PublishReport.Target, notAsked: String?, to destination: Destination?, otherwise missing: String,
    _ publish: (Destination) async throws -> PublishReport.Outcome
  ) async throws {
    let outcome: PublishReport.Outcome
    if let notAsked {
      outcome = .skipped(notAsked)
    } else if let stop {
      outcome = .skipped("after the earlier failure (\(stop.kind.rawValue))")
    } else if let destination {
      do {
        outcome = try await publish(destination)
      } catch let error as GitHubError {
        outcome = .failed(error)
        if Self.stopsEverything(error) { stop = error }
      }
    } else {
      outcome = .skipped(missing)
    }
    entries.append((target, outcome))
    announce(target, outcome)
  }

  /// Failures after which trying the next target would fail the same way (and cost more requests).
  private static func stopsEverything(_ error: GitHubError) -> Bool {
    [.network, .timeout, .tls, .unauthorized, .rateLimited, .cancelled, .configuration].contains(error.kind)
  }
}
