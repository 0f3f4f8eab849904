import Foundation
import FuzzSupport

@testable import GitHub

/// An Actions event payload (`GITHUB_EVENT_PATH`), as a fork's workflow could shape it: decoding
/// and applying it to the context never traps.
runFuzzer { data in
  guard let payload = try? JSONDecoder().decode(EventPayload.self, from: data) else { return }
  var context = GitHubContext(eventName: "pull_request", headSHA: "0123456789abcdef0123456789abcdef01234567")
  payload.apply(to: &context)
  if let number = payload.pullRequest?.number { oracle(context.pullRequest == number, "pull request number lost") }
}
