import DecodingDiagnostics
import Foundation

/// A client for GitHub's REST API (version 2022-11-28) over libcurl.
///
/// Every request carries the headers GitHub asks for. Rate limits are waited out as GitHub documents
/// (up to ``RetryPolicy/maxWait``), 5xx and network failures are retried with jittered backoff, other 4xx
/// are reported with GitHub's message. A request that creates something is never repeated when it may
/// have been applied: the operation re-reads first. Mutating requests go one at a time.
public struct GitHubClient: Sendable {
  /// Where and how to talk to GitHub.
  public let configuration: Configuration
  private let transport: CurlTransport
  private let lane = MutationLane()
  private let sleeper: Sleeper

  /// GitHub's REST API version this client speaks.
  public static let apiVersion = "2022-11-28"

  /// Creates a client; `sleeper` waits between attempts.
  public init(configuration: Configuration, sleeper: Sleeper = .live) {
    self.configuration = configuration
    self.sleeper = sleeper
    self.transport = CurlTransport(
      options: CurlTransport.Options(
        userAgent: configuration.userAgent, connectTimeout: configuration.connectTimeout,
        timeout: configuration.requestTimeout, caBundle: configuration.caBundle,
        caDirectory: configuration.caDirectory))
  }

  /// Whether a request may be sent again after a failure that leaves open whether it was applied.
  enum Replay: Sendable {
    /// Repeating it is harmless (reads, updates to a value, content-addressed objects).
    case safe
    /// Repeating it could apply it twice (creating a comment, a pull request, appending annotations).
    case unsafe
  }

  // MARK: - JSON requests

  /// Sends a request without a body and decodes the response.
  func request<Response: Decodable>(
    _ method: HTTPMethod, _ path: APIPath, query: [URLQueryItem] = [], replay: Replay? = nil,
    as type: Response.Type = Response.self
  ) async throws(GitHubError) -> Response {
    let response = try await send(method, path, query: query, body: nil, replay: replay)
    return try decode(Response.self, from: response, request: "\(method.rawValue) \(path)")
  }

  /// Sends `body` as JSON and decodes the response.
  func request<Response: Decodable, Body: Encodable>(
    _ method: HTTPMethod, _ path: APIPath, query: [URLQueryItem] = [], body: Body, replay: Replay? = nil,
    as type: Response.Type = Response.self
  ) async throws(GitHubError) -> Response {
    let data = try encode(body, request: "\(method.rawValue) \(path)")
    let response = try await send(method, path, query: query, body: data, replay: replay)
    return try decode(Response.self, from: response, request: "\(method.rawValue) \(path)")
  }

  /// Sends a request whose response has no body worth reading (204).
  func requestDiscardingBody(_ method: HTTPMethod, _ path: APIPath, replay: Replay? = nil) async throws(GitHubError) {
    _ = try await send(method, path, query: [], body: nil, replay: replay)
  }

  /// Visits every element of a paginated list, following `Link: rel="next"`; `visit` returns `true` to stop.
  ///
  /// `elements` takes a page apart (most lists are bare arrays; some wrap them, like `check_runs`).
  func paginate<Page: Decodable, Element>(
    _ path: APIPath, query: [URLQueryItem] = [], perPage: Int = 100, maxPages: Int = 1_000,
    page: Page.Type, elements: (Page) -> [Element], visit: (Element) -> Bool
  ) async throws(GitHubError) {
    var url: String? =
      configuration.apiURL + path.encoded + "?"
      + APIPath.query(query + [URLQueryItem(name: "per_page", value: String(perPage))])
    var seen: Set<String> = []
    while let current = url {
      let display = "GET " + displayPath(current)
      guard seen.insert(current).inserted, seen.count <= maxPages else {
        throw GitHubError(
          kind: .invalidResponse, request: display,
          message: "pagination did not end after \(seen.count) pages (the Link header repeats or never ends)")
      }
      let response = try await execute(.get, url: current, display: display, body: nil, replay: .safe)
      let decoded = try decode(Page.self, from: response, request: display)
      for element in elements(decoded) where visit(element) { return }
      url = try nextPage(response, request: display)
    }
  }

  /// Visits every element of a paginated bare-array list; `visit` returns `true` to stop.
  func paginate<Element: Decodable>(
    _ path: APIPath, query: [URLQueryItem] = [], perPage: Int = 100, visit: (Element) -> Bool
  ) async throws(GitHubError) {
    try await paginate(path, query: query, perPage: perPage, page: [Element].self, elements: { $0 }, visit: visit)
  }

  /// Collects every element of a paginated list.
  func listAll<Element: Decodable>(
    _ path: APIPath, query: [URLQueryItem] = [], perPage: Int = 100
  ) async throws(GitHubError) -> [Element] {
    var all: [Element] = []
    try await paginate(path, query: query, perPage: perPage) { (element: Element) in
      all.append(element)
      return false
    }
    return all
  }

  // MARK: - Plumbing

  /// Sends one request to `path` under the API URL.
  ///
  /// `accept` asks for another media type than JSON (`application/vnd.github.diff`).
  func send(
    _ method: HTTPMethod, _ path: APIPath, query: [URLQueryItem], body: Data?, replay: Replay?,
    accept: String = Self.jsonMediaType
  ) async throws(GitHubError) -> HTTPResponse {
    var url = configuration.apiURL + path.encoded
    if !query.isEmpty { url += "?" + APIPath.query(query) }
    let replay = replay ?? (method == .post ? .unsafe : .safe)
    return try await execute(
      method, url: url, display: "\(method.rawValue) \(path)", body: body, replay: replay, accept: accept)
  }

  /// The media type of GitHub's JSON responses.
  static let jsonMediaType = "application/vnd.github+json"

  private func execute(
    _ method: HTTPMethod, url: String, display: String, body: Data?, replay: Replay,
    accept: String = Self.jsonMediaType
  ) async throws(GitHubError) -> HTTPResponse {
    var headers = [
      "Accept: \(accept)", "X-GitHub-Api-Version: \(Self.apiVersion)",
      configuration.token.authorizationHeader,
    ]
    if body != nil { headers.append("Content-Type: application/json") }
    let request = HTTPRequest(method: method, url: url, headers: headers, body: body)
    let result: Result<HTTPResponse, GitHubError>
    if method.isMutating {
      await lane.acquire()
      result = await attempt(request, display: display, replay: replay)
      await lane.release()
    } else {
      result = await attempt(request, display: display, replay: replay)
    }
    return try result.mapError { $0.redacting(configuration.token) }.get()
  }

  /// The retry loop for one request.
  private func attempt(
    _ request: HTTPRequest, display: String, replay: Replay
  ) async -> Result<
    HTTPResponse, GitHubError
  > {
    let policy = configuration.retry
    var attempts = 0
    var failures = 0
    var rateLimitWaits = 0
    var secondaryHits = 0
    while true {
      attempts += 1
      let response: HTTPResponse
      do {
        response = try await transport.perform(request)
      } catch {
        let failure = Self.transportFailure(error, request: display, attempts: attempts)
        switch error.kind {
        case .cancelled, .tls, .setup:
          return .failure(failure)
        case .connect, .timeout, .transfer:
          if replay == .unsafe && error.requestSent {
            return .failure(Self.outcomeUnknown(display, reason: error.message, status: nil, attempts: attempts))
          }
          failures += 1
          guard failures < policy.maxAttempts else { return .failure(failure) }
          if let cancelled = await pause(policy.backoff(retry: failures), request: display) {
            return .failure(cancelled)
          }
          continue
        }
      }
      if response.isSuccess || response.status == 304 { return .success(response) }

      let errorBody = GitHubErrorBody.parse(response.body)
      if let rule = RateLimitRule.classify(
        status: response.status, headers: response.headers, message: errorBody?.message)
      {
        rateLimitWaits += 1
        let wait: Duration
        var resetAt: Date?
        switch rule {
        case .primary(let primaryWait, let reset):
          wait = primaryWait
          resetAt = reset
        case .retryAfter(let retryAfter):
          wait = retryAfter
        case .secondary:
          secondaryHits += 1
          wait = policy.secondaryWait(hit: secondaryHits)
        }
        guard wait <= policy.maxWait, rateLimitWaits <= policy.maxRateLimitWaits else {
          var error = Self.httpFailure(response, errorBody, request: display, attempts: attempts)
          error.kind = .rateLimited
          error.retryAt = resetAt ?? Date().addingTimeInterval(Self.seconds(wait))
          return .failure(error)
        }
        if let cancelled = await pause(wait, request: display) { return .failure(cancelled) }
        continue
      }

      if (500...599).contains(response.status) {
        if replay == .unsafe {
          return .failure(
            Self.outcomeUnknown(
              display, reason: errorBody?.message ?? "server error", status: response.status, attempts: attempts))
        }
        failures += 1
        guard failures < policy.maxAttempts else {
          return .failure(Self.httpFailure(response, errorBody, request: display, attempts: attempts))
        }
        let wait = min(RateLimitRule.retryAfter(response.headers) ?? policy.backoff(retry: failures), policy.maxWait)
        if let cancelled = await pause(wait, request: display) { return .failure(cancelled) }
        continue
      }
      return .failure(Self.httpFailure(response, errorBody, request: display, attempts: attempts))
    }
  }

  /// Sleeps; returns an error when the task was cancelled meanwhile.
  private func pause(_ duration: Duration, request: String) async -> GitHubError? {
    do {
      try await sleeper.sleep(for: duration)
      return nil
    } catch {
      return GitHubError(kind: .cancelled, request: request, message: "cancelled while waiting to retry")
    }
  }

  private func nextPage(_ response: HTTPResponse, request: String) throws(GitHubError) -> String? {
    guard let next = LinkHeader(response.headers.values("link")).next else { return nil }
    let origin = configuration.origin
    guard next.hasPrefix(origin + "/") else {
      throw GitHubError(
        kind: .invalidResponse, request: request,
        message: "the Link header points to another host (\(next)); the token is only sent to \(origin)")
    }
    return next
  }

  private func displayPath(_ url: String) -> String {
    url.hasPrefix(configuration.origin) ? String(url.dropFirst(configuration.origin.count)) : url
  }

  private func encode(_ body: some Encodable, request: String) throws(GitHubError) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    do {
      return try encoder.encode(body)
    } catch {
      throw GitHubError(kind: .configuration, request: request, message: "cannot encode the request body: \(error)")
    }
  }

  private func decode<T: Decodable>(
    _ type: T.Type, from response: HTTPResponse, request: String
  ) throws(GitHubError)
    -> T
  {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    do {
      return try decoder.decode(T.self, from: response.body)
    } catch {
      throw GitHubError(
        kind: .invalidResponse, request: request, status: response.status,
        message: "the response is not what GitHub sends (\(DecodingErrorText.describe(error)))")
    }
  }

  static func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }

  private static func outcomeUnknown(_ request: String, reason: String, status: Int?, attempts: Int) -> GitHubError {
    GitHubError(
      kind: .outcomeUnknown, request: request, status: status,
      message: "the request failed after it was sent (\(reason))", attempts: attempts)
  }

  private static func transportFailure(_ error: TransportError, request: String, attempts: Int) -> GitHubError {
    let kind: GitHubError.Kind =
      switch error.kind {
      case .cancelled: .cancelled
      case .timeout: .timeout
      case .tls: .tls
      case .setup: .configuration
      case .connect, .transfer: .network
      }
    return GitHubError(
      kind: kind, request: request, message: "\(error.message) (curl error \(error.code))", attempts: attempts)
  }

  private static func httpFailure(
    _ response: HTTPResponse, _ body: GitHubErrorBody?, request: String, attempts: Int
  ) -> GitHubError {
    let message = body?.message ?? HTTPStatusText.reason(response.status)
    let kind: GitHubError.Kind =
      switch response.status {
      case 400, 422: .validation
      case 401: .unauthorized
      case 403 where message.contains("Resource not accessible by"): .readOnlyToken
      case 403: .forbidden
      case 404, 410: .notFound
      case 409: .conflict
      case 429: .rateLimited
      case 500...599: .server
      default: .http
      }
    return GitHubError(
      kind: kind, request: request, status: response.status, message: message, details: body?.errors ?? [],
      documentationURL: body?.documentationURL, attempts: attempts)
  }
}
