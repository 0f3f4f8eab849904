import FakeGitHub
import Foundation
import GitHub
import Synchronization

/// A sleeper that records the waits asked for and returns at once, so rate-limit tests need no real waiting.
final class RecordingSleeper: Sendable {
  private let recorded = Mutex<[Duration]>([])

  /// The waits asked for, in order.
  var waits: [Duration] { recorded.withLock { $0 } }

  var sleeper: Sleeper {
    Sleeper { [self] duration in
      recorded.withLock { $0.append(duration) }
      try Task.checkCancellation()
    }
  }
}

enum TestClients {
  static let userAgent = "covbot/0.0.0-test"

  /// A client for `fake`, with a recording sleeper. Timeouts leave headroom: the fake shares two
  /// cores with every other suite running in parallel.
  static func client(
    for fake: FakeGitHub, sleeper: RecordingSleeper = RecordingSleeper(), token: String? = nil,
    apiURL: String? = nil, requestTimeout: Duration = .seconds(60), retry: RetryPolicy = RetryPolicy()
  ) throws -> GitHubClient {
    let configuration = try GitHubClient.Configuration(
      apiURL: apiURL ?? fake.apiURL, token: GitHubToken(token ?? fake.token)!, userAgent: userAgent,
      connectTimeout: .seconds(20), requestTimeout: requestTimeout, retry: retry)
    return GitHubClient(configuration: configuration, sleeper: sleeper.sleeper)
  }
}

let demo = RepositoryID(owner: "octo", name: "demo")
let headSHA = String(repeating: "a1", count: 20)
let marker = "<!-- covbot:comment key=default -->"

extension Array where Element == FakeRequest {
  /// The requests that change state.
  var writes: [FakeRequest] { filter(\.isMutating) }
}
