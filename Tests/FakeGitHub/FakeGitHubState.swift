import Foundation

/// The fake's state and request processing; one actor, so every request sees a consistent repository.
actor FakeGitHubState {
  let configuration: FakeGitHub.Configuration
  let schemas: FakeSchemas
  let validator = SchemaValidator()
  var repositories: [String: FakeRepository] = [:]
  var faults: [FakeFault] = []
  var log: [FakeRequest] = []
  var readOnly: Bool
  var nextID: Int64 = 1_000
  var writesInFlight = 0
  var maxWritesInFlight = 0

  init(configuration: FakeGitHub.Configuration) throws {
    self.configuration = configuration
    self.schemas = try FakeSchemas()
    self.readOnly = configuration.readOnly
  }

  func makeID() -> Int64 {
    nextID += 1
    return nextID
  }

  func repository(_ name: String) -> FakeRepository {
    repositories[name.lowercased()] ?? FakeRepository()
  }

  func update<T>(_ name: String, _ change: (inout FakeRepository) -> T) -> T {
    var repository = repositories[name.lowercased()] ?? FakeRepository()
    let result = change(&repository)
    repositories[name.lowercased()] = repository
    return result
  }

  // MARK: - Processing

  /// Set when the test is done: slow replies stop waiting so the server can shut down at once.
  private(set) var isStopping = false

  /// Ends every slow reply still waiting.
  func stop() {
    isStopping = true
  }

  /// Counts a mutating request from arrival until its reply is delivered.
  func beginDelivery(method: String) {
    guard method != "GET" else { return }
    writesInFlight += 1
    maxWritesInFlight = max(maxWritesInFlight, writesInFlight)
  }

  func endDelivery(method: String) {
    guard method != "GET" else { return }
    writesInFlight -= 1
  }

  func process(_ incoming: FakeIncoming) -> FakeReply {
    let index = log.count
    let prefix = configuration.pathPrefix
    let path = incoming.path.hasPrefix(prefix + "/") ? String(incoming.path.dropFirst(prefix.count)) : incoming.path
    log.append(
      FakeRequest(
        method: incoming.method, path: path,
        query: Dictionary(incoming.query.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last }),
        headers: incoming.headers, body: String(decoding: incoming.body, as: UTF8.self), status: 0))
    var reply = route(incoming, prefixMatched: incoming.path.hasPrefix(prefix + "/"), path: path)
    reply.headers += standardHeaders()
    log[index].status = reply.status
    return reply
  }

  private func route(_ incoming: FakeIncoming, prefixMatched: Bool, path: String) -> FakeReply {
    guard prefixMatched else { return notFound() }
    if let rejection = checkHeaders(incoming) { return rejection }
    let segments = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
    var matched: (FakeRoute, [String: String])?
    for route in FakeRoute.all {
      if let parameters = route.match(method: incoming.method, path: segments) {
        matched = (route, parameters)
        break
      }
    }
    guard let (route, parameters) = matched else { return notFound() }
    for name in ["issue_number", "comment_id", "check_run_id", "pull_number"] {
      if let value = parameters[name], Int64(value) == nil { return notFound() }
    }

    var postProcessing: FakeFault.Kind?
    if let faultIndex = faults.firstIndex(where: { $0.times > 0 && $0.matches(method: incoming.method, path: path) }) {
      faults[faultIndex].times -= 1
      let fault = faults[faultIndex]
      switch fault.kind {
      case .primaryRateLimit(let status, let resetIn):
        let reset = Int(Date().timeIntervalSince1970) + resetIn
        return .json(
          status,
          [
            "message": "API rate limit exceeded for installation ID 1.",
            "documentation_url":
              "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits",
          ],
          headers: [
            ("x-ratelimit-limit", "5000"), ("x-ratelimit-remaining", "0"), ("x-ratelimit-used", "5000"),
            ("x-ratelimit-reset", String(reset)), ("x-ratelimit-resource", "core"),
          ])
      case .secondaryRateLimit(let status, let retryAfter):
        return .json(
          status,
          [
            "message":
              "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
            "documentation_url":
              "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
          ],
          headers: retryAfter.map { [("retry-after", String($0))] } ?? [])
      case .serverError(let status):
        return .json(status, ["message": "Server Error"])
      case .dropConnection(afterProcessing: false):
        return FakeReply(status: 200, delivery: .drop)
      case .readOnlyToken:
        return forbiddenReadOnly(route.template)
      case .forbidden(let message):
        return error(403, message, docs: schemas.docs(route.template))
      case .echoAuthorization:
        return error(
          400, "Malformed header Authorization: \(incoming.headers["authorization"] ?? "")",
          docs: "https://docs.github.com/rest?token=\(configuration.token)")
      case .serverErrorAfterProcessing, .slowResponse, .dropConnection(afterProcessing: true):
        postProcessing = fault.kind
      }
    }

    if incoming.method != "GET" && readOnly { return forbiddenReadOnly(route.template) }

    var body: JSONValue = .null
    if ["POST", "PATCH", "PUT"].contains(incoming.method) {
      guard (incoming.headers["content-type"] ?? "").lowercased().hasPrefix("application/json") else {
        return error(
          415, "Unsupported 'Content-Type' header: \(incoming.headers["content-type"] ?? "(none)")",
          docs: schemas.docs(route.template))
      }
      guard let parsed = JSONValue.parse(incoming.body) else {
        return error(400, "Problems parsing JSON", docs: schemas.docs(route.template))
      }
      body = parsed
      if let schema = schemas.body(route.template) {
        let problems = validator.validate(parsed, against: schema)
        if !problems.isEmpty {
          return error(
            422, "Invalid request.\n\n" + problems.joined(separator: "\n"), docs: schemas.docs(route.template))
        }
      }
    }
    for (name, schema) in schemas.query(route.template) {
      if let value = incoming.query.last(where: { $0.name == name })?.value,
        let problem = validator.validateQuery(value, name: name, against: schema)
      {
        return error(422, "Invalid request.\n\n" + problem, docs: schemas.docs(route.template))
      }
    }

    let host = incoming.headers["host"] ?? "127.0.0.1"
    let call = FakeCall(
      method: incoming.method, template: route.template, parameters: parameters, query: incoming.query, body: body,
      repository: "\(parameters["owner"] ?? "")/\(parameters["repo"] ?? "")",
      apiBase: "http://\(host)\(configuration.pathPrefix)", webBase: "http://\(host)", path: path,
      wantsDiff: incoming.headers["accept"] == Self.diffMediaType)
    var reply = handle(call)
    switch postProcessing {
    case .slowResponse(let seconds)?: reply.delivery = .slow(seconds: seconds)
    case .dropConnection?: reply.delivery = .drop
    case .serverErrorAfterProcessing(let status)?: reply = .json(status, ["message": "Server Error"])
    default: break
    }
    return reply
  }

  private func handle(_ call: FakeCall) -> FakeReply {
    if call.wantsDiff && call.template != "GET /repos/{owner}/{repo}/pulls/{pull_number}" {
      return error(
        415, "Unsupported 'Accept' header: \(Self.diffMediaType). Use application/vnd.github+json.",
        docs: "https://docs.github.com/rest/overview/media-types")
    }
    return switch call.template {
    case "GET /repos/{owner}/{repo}/issues/{issue_number}/comments": listComments(call)
    case "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": createComment(call)
    case "GET /repos/{owner}/{repo}/issues/comments/{comment_id}": getComment(call)
    case "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}": updateComment(call)
    case "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}": deleteComment(call)
    case "POST /repos/{owner}/{repo}/statuses/{sha}": createStatus(call)
    case "POST /repos/{owner}/{repo}/check-runs": createCheckRun(call)
    case "GET /repos/{owner}/{repo}/check-runs/{check_run_id}": getCheckRun(call)
    case "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}": updateCheckRun(call)
    case "GET /repos/{owner}/{repo}/commits/{ref}/check-runs": listCheckRuns(call)
    case "GET /repos/{owner}/{repo}/git/ref/{ref}": getReference(call)
    case "POST /repos/{owner}/{repo}/git/refs": createReference(call)
    case "PATCH /repos/{owner}/{repo}/git/refs/{ref}": updateReference(call)
    case "DELETE /repos/{owner}/{repo}/git/refs/{ref}": deleteReference(call)
    case "POST /repos/{owner}/{repo}/git/blobs": createBlob(call)
    case "POST /repos/{owner}/{repo}/git/trees": createTree(call)
    case "POST /repos/{owner}/{repo}/git/commits": createCommit(call)
    case "GET /repos/{owner}/{repo}/git/commits/{commit_sha}": getCommit(call)
    case "GET /repos/{owner}/{repo}/pulls": listPulls(call)
    case "POST /repos/{owner}/{repo}/pulls": createPull(call)
    case "GET /repos/{owner}/{repo}/pulls/{pull_number}": call.wantsDiff ? getPullDiff(call) : getPull(call)
    case "PATCH /repos/{owner}/{repo}/pulls/{pull_number}": updatePull(call)
    case "GET /repos/{owner}/{repo}/contents/{path}": getContents(call)
    default: notFound()
    }
  }

  // MARK: - Headers GitHub insists on

  private func checkHeaders(_ incoming: FakeIncoming) -> FakeReply? {
    guard let agent = incoming.headers["user-agent"], !agent.isEmpty else {
      return error(
        403,
        "Request forbidden by administrative rules. Please make sure your request has a User-Agent header "
          + "(https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required).")
    }
    guard let authorization = incoming.headers["authorization"], !authorization.isEmpty else {
      return error(401, "Requires authentication", docs: "https://docs.github.com/rest")
    }
    guard authorization == "Bearer \(configuration.token)" else {
      return error(401, "Bad credentials", docs: "https://docs.github.com/rest")
    }
    // The one non-JSON media type covbot asks for, a pull request's diff, is checked per route.
    let wantsDiff = incoming.method == "GET" && incoming.headers["accept"] == Self.diffMediaType
    guard incoming.headers["accept"] == "application/vnd.github+json" || wantsDiff else {
      return error(
        415, "Unsupported 'Accept' header: \(incoming.headers["accept"] ?? "(none)"). Use application/vnd.github+json.",
        docs: "https://docs.github.com/rest/overview/media-types")
    }
    guard let version = incoming.headers["x-github-api-version"] else {
      return error(
        400, "Missing X-GitHub-Api-Version header.",
        docs: "https://docs.github.com/rest/overview/api-versions")
    }
    guard version == "2022-11-28" else {
      return error(
        400, "API version \(version) is not supported.", docs: "https://docs.github.com/rest/overview/api-versions")
    }
    return nil
  }

  /// GitHub's media type for a pull request's diff.
  static let diffMediaType = "application/vnd.github.diff"

  private func standardHeaders() -> [(String, String)] {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    let now = Date()
    return [
      ("Date", formatter.string(from: now)), ("X-GitHub-Api-Version-Selected", "2022-11-28"),
      ("X-GitHub-Request-Id", "FAKE:\(log.count)"),
    ]
  }

  // MARK: - Replies

  func error(_ status: Int, _ message: String, docs: String? = nil, errors: [JSONValue]? = nil) -> FakeReply {
    var body: [String: JSONValue] = ["message": .string(message), "status": .string(String(status))]
    if let docs { body["documentation_url"] = .string(docs) }
    if let errors { body["errors"] = .array(errors) }
    return .json(status, .object(body))
  }

  func notFound() -> FakeReply {
    error(404, "Not Found", docs: "https://docs.github.com/rest")
  }

  func validationFailed(_ template: String, _ errors: [JSONValue]) -> FakeReply {
    error(422, "Validation Failed", docs: schemas.docs(template), errors: errors)
  }

  func unprocessable(_ template: String, _ message: String) -> FakeReply {
    error(422, message, docs: schemas.docs(template))
  }

  private func forbiddenReadOnly(_ template: String) -> FakeReply {
    error(403, "Resource not accessible by integration", docs: schemas.docs(template))
  }

  /// One page of `items` with GitHub's `Link` header; `wrap` builds wrapped pages (`check_runs`).
  func paginated(_ items: [JSONValue], _ call: FakeCall, wrap: (([JSONValue]) -> JSONValue)? = nil) -> FakeReply {
    var perPage = min(Int(call.queryValue("per_page") ?? "") ?? 30, 100)
    if let cap = configuration.pageSize { perPage = min(perPage, cap) }
    perPage = max(1, perPage)
    let page = max(1, Int(call.queryValue("page") ?? "") ?? 1)
    let lastPage = max(1, (items.count + perPage - 1) / perPage)
    let start = min((page - 1) * perPage, items.count)
    let slice = Array(items[start..<min(start + perPage, items.count)])
    func link(_ target: Int, _ relation: String) -> String {
      var query = call.query.filter { $0.name != "page" }
      query.append((name: "page", value: String(target)))
      let text = query.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
      return "<\(call.webBase)\(configuration.pathPrefix)\(call.path)?\(text)>; rel=\"\(relation)\""
    }
    var links: [String] = []
    if page > 1 { links += [link(page - 1, "prev"), link(1, "first")] }
    if page < lastPage { links += [link(page + 1, "next"), link(lastPage, "last")] }
    let body = wrap?(slice) ?? .array(slice)
    return .json(200, body, headers: links.isEmpty ? [] : [("Link", links.joined(separator: ", "))])
  }

  static func encode(_ text: String) -> String {
    text.addingPercentEncoding(
      withAllowedCharacters: CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:")) ?? text
  }

  static func timestamp(_ date: Date) -> JSONValue {
    .string(date.formatted(.iso8601))
  }

  func botUser(_ call: FakeCall) -> JSONValue {
    user(login: configuration.botLogin, type: "Bot", call: call)
  }

  func user(login: String, type: String, call: FakeCall) -> JSONValue {
    [
      "login": .string(login), "id": 41_898_282, "node_id": "MDM6Qm90NDE4OTgyODI=",
      "avatar_url": "https://avatars.githubusercontent.com/in/15368?v=4", "gravatar_id": "",
      "url": .string("\(call.apiBase)/users/\(login)"), "html_url": .string("\(call.webBase)/\(login)"),
      "type": .string(type), "site_admin": false,
    ]
  }

  static func isSHA(_ text: String) -> Bool {
    text.count == 40 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
  }
}
