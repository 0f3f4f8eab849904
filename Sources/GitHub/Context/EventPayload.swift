import DecodingDiagnostics
import Foundation

/// The parts of a GitHub Actions event payload (`GITHUB_EVENT_PATH`) that say where to publish.
struct EventPayload: Decodable, Sendable {
  struct Repository: Decodable, Sendable {
    var fullName: String?
    var defaultBranch: String?

    enum CodingKeys: String, CodingKey {
      case fullName = "full_name"
      case defaultBranch = "default_branch"
    }
  }

  struct Branch: Decodable, Sendable {
    var sha: String?
    var repo: Repository?
  }

  struct PullRequest: Decodable, Sendable {
    var number: Int
    var head: Branch?
    var base: Branch?
  }

  struct WorkflowRun: Decodable, Sendable {
    struct PullRequestReference: Decodable, Sendable {
      var number: Int
    }

    var headSHA: String?
    var pullRequests: [PullRequestReference]?
    var headRepository: Repository?
    var repository: Repository?

    enum CodingKeys: String, CodingKey {
      case headSHA = "head_sha"
      case pullRequests = "pull_requests"
      case headRepository = "head_repository"
      case repository
    }
  }

  var pullRequest: PullRequest?
  var workflowRun: WorkflowRun?
  var repository: Repository?

  enum CodingKeys: String, CodingKey {
    case pullRequest = "pull_request"
    case workflowRun = "workflow_run"
    case repository
  }

  static func read(from path: String) throws(GitHubError) -> EventPayload {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw GitHubError(
        kind: .configuration, message: "GITHUB_EVENT_PATH \(path): file not found or unreadable")
    }
    do {
      return try JSONDecoder().decode(EventPayload.self, from: data)
    } catch {
      throw GitHubError(
        kind: .configuration,
        message: "GITHUB_EVENT_PATH \(path): not a GitHub event payload (\(DecodingErrorText.describe(error)))")
    }
  }

  func apply(to context: inout GitHubContext) {
    context.defaultBranch = repository?.defaultBranch
    if let pullRequest {
      context.pullRequest = pullRequest.number
      if let head = pullRequest.head?.sha { context.headSHA = head }
      context.baseSHA = pullRequest.base?.sha
      // A deleted fork leaves `head.repo` null: still a fork.
      let headRepository = pullRequest.head?.repo?.fullName
      let baseRepository = pullRequest.base?.repo?.fullName
      context.isFork = baseRepository != nil && headRepository != baseRepository
    } else if let workflowRun {
      if let head = workflowRun.headSHA { context.headSHA = head }
      // GitHub lists only same-repository pull requests here: for forks, pass --pr.
      if let number = workflowRun.pullRequests?.first?.number { context.pullRequest = number }
      let headRepository = workflowRun.headRepository?.fullName
      let baseRepository = workflowRun.repository?.fullName
      context.isFork = baseRepository != nil && headRepository != nil && headRepository != baseRepository
    }
  }
}
