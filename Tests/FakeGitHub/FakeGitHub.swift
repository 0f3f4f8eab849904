import FlyingFox
import FlyingSocks
import Foundation

/// A strict fake of GitHub's REST API on 127.0.0.1, for tests that go over real HTTP.
///
/// It rejects requests without GitHub's required headers or with bodies that break GitHub's schemas
/// (422/400 like GitHub), keeps state (comments, statuses, check runs, Git objects, refs, pull requests),
/// paginates with `Link`, can live under a GHES prefix (`/api/v3`), logs every request, and injects
/// faults: rate limits, 5xx, slow answers, dropped connections, a read-only token.
public final class FakeGitHub: Sendable {
  /// How the fake behaves.
  public struct Configuration: Sendable {
    /// The only token accepted (`Authorization: Bearer …`); unique per fake by default.
    public var token: String
    /// A path prefix such as `/api/v3` (GitHub Enterprise Server); empty for github.com.
    public var pathPrefix: String
    /// A cap on page sizes below GitHub's 100, to exercise pagination with few items.
    public var pageSize: Int?
    /// Whether every mutating request gets 403 "Resource not accessible by integration".
    public var readOnly: Bool
    /// The login comments, commits and pull requests are attributed to.
    public var botLogin: String
    /// The branch used when the contents API gets no `ref`.
    public var defaultBranch: String

    /// Creates a configuration.
    public init(
      token: String = "ghs_fake" + UUID().uuidString.replacingOccurrences(of: "-", with: ""), pathPrefix: String = "",
      pageSize: Int? = nil, readOnly: Bool = false, botLogin: String = "github-actions[bot]",
      defaultBranch: String = "main"
    ) {
      self.token = token
      self.pathPrefix = pathPrefix
      self.pageSize = pageSize
      self.readOnly = readOnly
      self.botLogin = botLogin
      self.defaultBranch = defaultBranch
    }
  }

  /// The configuration.
  public let configuration: Configuration
  /// The API base URL to give clients (`http://127.0.0.1:PORT` + prefix).
  public let apiURL: String
  let state: FakeGitHubState

  private init(configuration: Configuration, apiURL: String, state: FakeGitHubState) {
    self.configuration = configuration
    self.apiURL = apiURL
    self.state = state
  }

  /// The accepted token.
  public var token: String { configuration.token }

  /// Runs a fake for the duration of `body`, on an ephemeral port.
  public static func withServer<T: Sendable>(
    _ configuration: Configuration = Configuration(), _ body: (FakeGitHub) async throws -> T
  ) async throws -> T {
    let state = try FakeGitHubState(configuration: configuration)
    let server = HTTPServer(
      config: HTTPServer.Configuration(
        address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), timeout: 60, logger: .disabled),
      handler: FakeHandler(state: state))
    return try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await server.run() }
      do {
        // FlyingFox's default is 5 s. The whole suite runs in parallel on two cores (slower still
        // under ThreadSanitizer), so the server task may wait its turn longer than that.
        try await server.waitUntilListening(timeout: 60)
        guard case .ip4(_, let port)? = await server.listeningAddress else {
          throw FakeSetupError(message: "the server is not listening on 127.0.0.1")
        }
        let fake = FakeGitHub(
          configuration: configuration, apiURL: "http://127.0.0.1:\(port)\(configuration.pathPrefix)", state: state)
        let result = try await body(fake)
        await state.stop()
        await server.stop()
        group.cancelAll()
        return result
      } catch {
        await state.stop()
        await server.stop()
        group.cancelAll()
        throw error
      }
    }
  }

  // MARK: - Set-up

  /// Makes the next matching requests fail.
  public func inject(_ fault: FakeFault) async { await state.addFault(fault) }

  /// Makes every mutating request fail with 403 "Resource not accessible by integration" (or stop doing so).
  public func setReadOnly(_ value: Bool) async { await state.setReadOnly(value) }

  /// Adds a comment as if someone had written it; returns its id.
  @discardableResult
  public func seedComment(
    repository: String, issue: Int, body: String, author: String = "octocat", authorType: String = "User"
  ) async -> Int64 {
    await state.seedComment(repository: repository, issue: issue, body: body, author: author, authorType: authorType)
  }

  /// Makes pull request `number` answer `Accept: application/vnd.github.diff` with `diff`; `nil`
  /// makes it answer 406 as GitHub does for a diff too large to render.
  public func seedPullRequestDiff(repository: String, number: Int, diff: String?) async {
    await state.seedPullRequestDiff(repository: repository, number: number, diff: diff)
  }

  /// Commits `files` (path → content) on top of `branch` (creating it); returns the commit SHA.
  @discardableResult
  public func seedCommit(
    repository: String, branch: String = "main", files: [String: String], message: String = "seed"
  ) async -> String {
    await state.seedCommit(repository: repository, branch: branch, files: files, message: message)
  }

  // MARK: - Inspection

  /// The most mutating requests that were ever in flight at once (1 when clients write one at a time).
  public func maxConcurrentWrites() async -> Int { await state.maxWritesInFlight }

  /// Every request received so far, in order.
  public func requests() async -> [FakeRequest] { await state.log }

  /// Forgets the request log.
  public func clearRequests() async { await state.clearLog() }

  /// The comments on `issue`, oldest first.
  public func comments(repository: String, issue: Int) async -> [FakeComment] {
    await state.comments(repository: repository, issue: issue)
  }

  /// Every commit status, in order.
  public func statuses(repository: String) async -> [FakeStatus] { await state.statuses(repository: repository) }

  /// Every check run, in order of creation.
  public func checkRuns(repository: String) async -> [FakeCheckRun] { await state.checkRuns(repository: repository) }

  /// Every pull request, by number.
  public func pullRequests(repository: String) async -> [FakePullRequest] {
    await state.pullRequests(repository: repository)
  }

  /// The commit a fully qualified ref (`refs/heads/main`) points to.
  public func reference(repository: String, ref: String) async -> String? {
    await state.referenceTarget(repository: repository, ref: ref)
  }

  /// A file's content at a commit or branch.
  public func fileContent(repository: String, at commit: String, path: String) async -> String? {
    await state.fileContent(repository: repository, commit: commit, path: path)
  }

  /// A commit's parents.
  public func commitParents(repository: String, commit: String) async -> [String]? {
    await state.commitParents(repository: repository, commit: commit)
  }
}

/// Turns FlyingFox requests into state-machine calls and delivers replies, faults included.
struct FakeHandler: HTTPHandler {
  let state: FakeGitHubState

  func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
    var headers: [String: String] = [:]
    for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
    let incoming = FakeIncoming(
      method: request.method.rawValue, path: request.path, query: request.query.map { ($0.name, $0.value) },
      headers: headers, body: try await request.bodyData)
    await state.beginDelivery(method: incoming.method)
    let reply = await state.process(incoming)
    if case .slow(let seconds) = reply.delivery {
      // Sleeping here keeps the request in flight; the test ending (or cancellation) cuts it short,
      // because FlyingFox's stop() waits for open connections to complete.
      let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
      while ContinuousClock.now < deadline, await !state.isStopping, !Task.isCancelled {
        try? await Task.sleep(for: .milliseconds(50))
      }
    }
    // Counted out before the reply is written, so the client cannot have sent its next request yet.
    await state.endDelivery(method: incoming.method)
    var responseHeaders = HTTPHeaders()
    for (name, value) in reply.headers { responseHeaders.addValue(value, for: HTTPHeader(name)) }
    let status = HTTPStatusCode(reply.status, phrase: Self.phrase(reply.status))
    switch reply.delivery {
    case .normal, .slow:
      return HTTPResponse(statusCode: status, headers: responseHeaders, body: reply.body)
    case .drop:
      // Headers promise a body that never comes: the client sees the connection close mid-response.
      return HTTPResponse(
        statusCode: status, headers: responseHeaders,
        body: HTTPBodySequence(from: FailingBytes(), count: max(reply.body.count, 64)))
    }
  }

  private static func phrase(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 201: "Created"
    case 204: "No Content"
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 415: "Unsupported Media Type"
    case 422: "Unprocessable Entity"
    case 429: "Too Many Requests"
    case 500: "Internal Server Error"
    case 502: "Bad Gateway"
    case 503: "Service Unavailable"
    default: "Status"
    }
  }
}
