import CovBotSupport
import CovEngine
import GitHub

/// `--patch-base auto`: the pull request's base commit in a GitHub Actions pull request run, with
/// the pull request's diff from the API as the fallback when a shallow clone lacks that commit.
public enum AutomaticPatchBase {
  /// What to ask the gate, and why nothing is asked (not a pull request run, an unreadable payload).
  ///
  /// The request is optional: without the base commit and without the API diff the gate goes on,
  /// saying so, rather than fail a run the user asked for patch coverage only "where possible".
  public static func request(
    floor: Percent?, github: GitHubTarget, environment: [String: String]
  ) -> (request: PatchRequest?, note: String?) {
    let actions = ActionsEnvironment(environment)
    let context: GitHubContext
    do {
      context = try GitHubContext(actions: actions)
    } catch {
      return (nil, "--patch-base auto: \(error); patch coverage not measured")
    }
    guard let baseSHA = context.baseSHA, !baseSHA.isEmpty else {
      let event = actions.eventName.map { " (event \($0))" } ?? ""
      return (nil, "--patch-base auto: not a pull request run\(event); patch coverage not measured")
    }
    var request = PatchRequest(source: .gitBase(baseSHA), floor: floor, optional: true)
    let repository = (try? github.repositoryID()) ?? context.repository
    if let repository, let number = context.pullRequest {
      request.fallbackDiff = {
        let client = try github.client(environment: environment)
        return try await client.pullRequestDiff(in: repository, number: number)
      }
    }
    return (request, nil)
  }
}
