import Foundation

/// Check runs (`/repos/{owner}/{repo}/check-runs`).
extension GitHubClient {
  private struct CheckRunList: Decodable {
    var checkRuns: [CheckRun]

    enum CodingKeys: String, CodingKey {
      case checkRuns = "check_runs"
    }
  }

  /// Creates a check run. When it may have been created already (timeout, 5xx), the runs of the commit are
  /// re-read and one with the same `externalID` is returned; only when none is found is it created again.
  public func createCheckRun(
    in repository: RepositoryID, _ body: CheckRunRequest
  ) async throws(GitHubError) -> CheckRun {
    let path = APIPath.repository(repository, "check-runs")
    do {
      return try await request(.post, path, body: body, replay: .unsafe)
    } catch  where error.kind == .outcomeUnknown {
      guard let externalID = body.externalID, let sha = body.headSHA, let name = body.name else { throw error }
      let existing = try await checkRuns(in: repository, ref: sha, checkName: name)
      if let run = existing.first(where: { $0.externalID == externalID }) { return run }
      return try await request(.post, path, body: body, replay: .unsafe)
    }
  }

  /// Updates a check run. An update that carries annotations appends them, so it is not repeated blindly:
  /// pass the run's current `annotationsCount` as `expectedAnnotations`, and a doubtful update is re-read
  /// to see whether it was applied.
  public func updateCheckRun(
    _ id: Int64, in repository: RepositoryID, _ body: CheckRunRequest, expectedAnnotations: Int? = nil
  ) async throws(GitHubError) -> CheckRun {
    let path = APIPath.repository(repository, "check-runs", String(id))
    let adding = body.output?.annotations?.count ?? 0
    guard adding > 0 else { return try await request(.patch, path, body: body, replay: .safe) }
    do {
      return try await request(.patch, path, body: body, replay: .unsafe)
    } catch  where error.kind == .outcomeUnknown {
      guard let expectedAnnotations else { throw error }
      let current = try await checkRun(id, in: repository)
      if current.output.annotationsCount == expectedAnnotations + adding { return current }
      guard current.output.annotationsCount == expectedAnnotations else { throw error }
      return try await request(.patch, path, body: body, replay: .unsafe)
    }
  }

  /// One check run.
  public func checkRun(_ id: Int64, in repository: RepositoryID) async throws(GitHubError) -> CheckRun {
    try await request(.get, .repository(repository, "check-runs", String(id)))
  }

  /// The check runs of commit (or ref) `ref`, optionally only those named `checkName` (all pages).
  public func checkRuns(
    in repository: RepositoryID, ref: String, checkName: String? = nil
  ) async throws(GitHubError) -> [CheckRun] {
    var runs: [CheckRun] = []
    var query = [URLQueryItem(name: "filter", value: "all")]
    if let checkName { query.append(URLQueryItem(name: "check_name", value: checkName)) }
    try await paginate(
      APIPath.repository(repository, "commits").appending(components: ref).appending(components: "check-runs"),
      query: query, page: CheckRunList.self, elements: \.checkRuns
    ) { run in
      runs.append(run)
      return false
    }
    return runs
  }
}
