/// The endpoints the fake serves, as `METHOD /path/{param}` templates (the keys of the schema file).
///
/// A parameter in last position takes the rest of the path (refs such as `heads/covbot/ratchet`, file paths).
struct FakeRoute: Sendable, Hashable {
  var method: String
  var segments: [String]
  var template: String

  init(_ template: String) {
    self.template = template
    let parts = template.split(separator: " ", maxSplits: 1)
    method = String(parts[0])
    segments = parts[1].split(separator: "/").map(String.init)
  }

  /// The parameters, when `path` (decoded segments) matches.
  func match(method: String, path: [String]) -> [String: String]? {
    guard method == self.method, path.count >= segments.count else { return nil }
    var parameters: [String: String] = [:]
    for (index, segment) in segments.enumerated() {
      let isLast = index == segments.count - 1
      if segment.hasPrefix("{") {
        let name = String(segment.dropFirst().dropLast())
        parameters[name] = isLast ? path[index...].joined(separator: "/") : path[index]
      } else if segment != path[index] {
        return nil
      }
    }
    guard path.count == segments.count || segments.last?.hasPrefix("{") == true else { return nil }
    return parameters
  }

  static let all: [FakeRoute] = [
    "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
    "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
    "GET /repos/{owner}/{repo}/issues/comments/{comment_id}",
    "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
    "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}",
    "POST /repos/{owner}/{repo}/statuses/{sha}",
    "POST /repos/{owner}/{repo}/check-runs",
    "GET /repos/{owner}/{repo}/check-runs/{check_run_id}",
    "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
    "GET /repos/{owner}/{repo}/commits/{ref}/check-runs",
    "GET /repos/{owner}/{repo}/git/ref/{ref}",
    "POST /repos/{owner}/{repo}/git/refs",
    "PATCH /repos/{owner}/{repo}/git/refs/{ref}",
    "DELETE /repos/{owner}/{repo}/git/refs/{ref}",
    "POST /repos/{owner}/{repo}/git/blobs",
    "POST /repos/{owner}/{repo}/git/trees",
    "POST /repos/{owner}/{repo}/git/commits",
    "GET /repos/{owner}/{repo}/git/commits/{commit_sha}",
    "GET /repos/{owner}/{repo}/pulls",
    "POST /repos/{owner}/{repo}/pulls",
    "GET /repos/{owner}/{repo}/pulls/{pull_number}",
    "PATCH /repos/{owner}/{repo}/pulls/{pull_number}",
    "GET /repos/{owner}/{repo}/contents/{path}",
  ].map(FakeRoute.init)
}
