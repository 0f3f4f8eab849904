import Foundation
import FuzzSupport

@testable import GitHub

/// `check_runs` wraps the list (GitHubClient's own CheckRunList is private).
struct CheckRunList: Decodable {
  var checkRuns: [CheckRun]

  enum CodingKeys: String, CodingKey {
    case checkRuns = "check_runs"
  }
}

/// Decodes `data` as `type` the way GitHubClient does (ISO 8601 dates); the result is unused.
func decode<T: Decodable>(_ type: T.Type, _ data: Data) {
  let decoder = JSONDecoder()
  decoder.dateDecodingStrategy = .iso8601
  _ = try? decoder.decode(T.self, from: data)
}

/// Every response body type the client decodes, and error bodies: hostile JSON must not trap.
runFuzzer { data in
  decode(PullRequest.self, data)
  decode([PullRequest].self, data)
  decode(IssueComment.self, data)
  decode([IssueComment].self, data)
  decode(CheckRun.self, data)
  decode(CheckRunList.self, data)
  decode(CommitStatus.self, data)
  decode(RepositoryFile.self, data)
  decode(GitHubUser.self, data)
  decode(GitReference.self, data)
  decode(GitBlob.self, data)
  decode(GitTree.self, data)
  decode(GitCommit.self, data)
  if let body = GitHubErrorBody.parse(data) {
    _ = body.message
    _ = body.errors.joined(separator: "; ")
  }
}
