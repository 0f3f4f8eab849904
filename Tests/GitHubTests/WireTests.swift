import FakeGitHub
import Foundation
import Testing

@testable import GitHub

@Suite("Transport and wire format")
struct WireTests {
  static func transport(timeout: Duration = .seconds(60), userAgent: String = "covbot/0.0.0-test") -> CurlTransport {
    CurlTransport(
      options: CurlTransport.Options(
        userAgent: userAgent, connectTimeout: .seconds(20), timeout: timeout, caBundle: nil, caDirectory: nil))
  }

  static func headers(token: String) -> [String] {
    ["Accept: application/vnd.github+json", "X-GitHub-Api-Version: 2022-11-28", "Authorization: Bearer \(token)"]
  }

  @Test("every request carries GitHub's headers and the User-Agent")
  func requestHeaders() async throws {
    try await FakeGitHub.withServer { fake in
      let client = try TestClients.client(for: fake)
      _ = try await client.createIssueComment(in: demo, issue: 1, body: "x")
      _ = try await client.issueComments(in: demo, issue: 1)
      let requests = await fake.requests()
      #expect(requests.count == 2)
      for request in requests {
        #expect(request.headers["accept"] == "application/vnd.github+json")
        #expect(request.headers["x-github-api-version"] == "2022-11-28")
        #expect(request.headers["authorization"] == "Bearer \(fake.token)")
        #expect(request.headers["user-agent"] == TestClients.userAgent)
      }
      #expect(requests[0].headers["content-type"] == "application/json")
      #expect(requests[0].body == #"{"body":"x"}"#)
      #expect(requests[1].headers["content-type"] == nil)
    }
  }

  @Test("the fake refuses requests that lack what GitHub requires")
  func fakeIsStrict() async throws {
    try await FakeGitHub.withServer { fake in
      let url = fake.apiURL + "/repos/octo/demo/issues/1/comments"
      let good = Self.headers(token: fake.token)
      let cases: [(headers: [String], userAgent: String, status: Int, message: String)] = [
        (good, "", 403, "User-Agent"),
        (Array(good.dropLast()), "covbot/x", 401, "Requires authentication"),
        (Array(good.dropLast()) + ["Authorization: token \(fake.token)"], "covbot/x", 401, "Bad credentials"),
        (Array(good.dropLast()) + ["Authorization: Bearer wrong"], "covbot/x", 401, "Bad credentials"),
        (Array(good.dropFirst()), "covbot/x", 415, "Accept"),
        ([good[0], good[2]], "covbot/x", 400, "X-GitHub-Api-Version"),
        ([good[0], "X-GitHub-Api-Version: 2020-01-01", good[2]], "covbot/x", 400, "2020-01-01"),
        (good, "covbot/x", 200, ""),
      ]
      for (headers, agent, status, message) in cases {
        let response = try await Self.transport(userAgent: agent).perform(
          HTTPRequest(method: .get, url: url, headers: headers, body: nil))
        #expect(response.status == status, "\(headers) \(agent)")
        if !message.isEmpty {
          #expect(GitHubErrorBody.parse(response.body)?.message?.contains(message) == true)
        }
      }
    }
  }

  @Test(
    "the fake checks bodies against GitHub's schemas",
    arguments: [
      (#"{"body": 5}"#, 422, "is not a string"),
      (#"{}"#, 422, "\"body\" wasn't supplied"),
      (#"{"body": "ok""#, 400, "Problems parsing JSON"),
      (#"{"body": "ok"}"#, 201, ""),
    ])
  func fakeValidatesBodies(body: String, status: Int, message: String) async throws {
    try await FakeGitHub.withServer { fake in
      let response = try await Self.transport().perform(
        HTTPRequest(
          method: .post, url: fake.apiURL + "/repos/octo/demo/issues/1/comments",
          headers: Self.headers(token: fake.token) + ["Content-Type: application/json"], body: Data(body.utf8)))
      #expect(response.status == status)
      if !message.isEmpty {
        #expect(GitHubErrorBody.parse(response.body)?.message?.contains(message) == true)
      }
    }
  }

  @Test(
    "the fake checks enums, nested required fields and batch sizes",
    arguments: [
      #"{"state": "green"}"#,
      #"{"state": "success", "description": 1}"#,
    ])
  func fakeValidatesStatuses(body: String) async throws {
    try await FakeGitHub.withServer { fake in
      let response = try await Self.transport().perform(
        HTTPRequest(
          method: .post, url: fake.apiURL + "/repos/octo/demo/statuses/\(headSHA)",
          headers: Self.headers(token: fake.token) + ["Content-Type: application/json"], body: Data(body.utf8)))
      #expect(response.status == 422)
      #expect(await fake.statuses(repository: "octo/demo").isEmpty)
    }
  }

  @Test("51 annotations in one request are refused like GitHub does")
  func fakeRefusesLargeBatches() async throws {
    try await FakeGitHub.withServer { fake in
      let annotation = #"{"path":"a.go","start_line":1,"end_line":1,"annotation_level":"warning","message":"m"}"#
      let body = """
        {"name":"covbot","head_sha":"\(headSHA)","status":"completed","conclusion":"success",
        "output":{"title":"t","summary":"s","annotations":[\(Array(repeating: annotation, count: 51).joined(separator: ","))]}}
        """
      let response = try await Self.transport().perform(
        HTTPRequest(
          method: .post, url: fake.apiURL + "/repos/octo/demo/check-runs",
          headers: Self.headers(token: fake.token) + ["Content-Type: application/json"], body: Data(body.utf8)))
      #expect(response.status == 422)
      #expect(GitHubErrorBody.parse(response.body)?.message?.contains("maximum of 50") == true)
    }
  }

  @Test("a transfer past its total timeout fails as a timeout")
  func timeout() async throws {
    try await FakeGitHub.withServer { fake in
      // Generous margins: the suite runs beside CPU-heavy suites on two cores.
      await fake.inject(FakeFault(.slowResponse(seconds: 60)))
      let error = await #expect(throws: TransportError.self) {
        try await Self.transport(timeout: .seconds(3)).perform(
          HTTPRequest(
            method: .get, url: fake.apiURL + "/repos/octo/demo/issues/1/comments",
            headers: Self.headers(token: fake.token), body: nil))
      }
      #expect(error?.kind == .timeout)
      #expect(error?.requestSent == true)
    }
  }

  @Test("header lines are parsed on bytes and reset by a new status line")
  func headerParsing() {
    var headers = HTTPHeaders()
    for line in [
      "HTTP/1.1 100 Continue\r\n", "X-Early: 1\r\n", "\r\n", "HTTP/2 200\r\n",
      "Link:  <https://a/?page=2>; rel=\"next\"\r\n",
      "x-ratelimit-remaining:0\r\n", "Bad line without colon\r\n", "Retry-After: \t12 \r\n", "\r\n",
    ] {
      Array(line.utf8).withUnsafeBytes { headers.receive(line: $0) }
    }
    #expect(headers["x-early"] == nil)
    #expect(headers["LINK"] == "<https://a/?page=2>; rel=\"next\"")
    #expect(headers["X-RateLimit-Remaining"] == "0")
    #expect(headers["retry-after"] == "12")
    #expect(headers.fields.count == 3)
  }

  @Test("Link headers yield next, with commas inside URLs and several relations")
  func linkParsing() {
    let link = LinkHeader([
      #"<https://api.github.com/x?a=1,2&page=2>; rel="next", <https://api.github.com/x?page=9>; rel="last""#
    ])
    #expect(link.next == "https://api.github.com/x?a=1,2&page=2")
    #expect(link.links["last"] == "https://api.github.com/x?page=9")
    #expect(LinkHeader([#"<https://h/p?page=1>; rel="prev first""#]).links["first"] == "https://h/p?page=1")
    #expect(LinkHeader([]).next == nil)
  }

  @Test("rate-limit responses are told apart from permission errors")
  func rateLimitClassification() {
    func headers(_ pairs: [(String, String)]) -> HTTPHeaders {
      HTTPHeaders(fields: pairs.map { HTTPField(name: $0.0, value: $0.1) })
    }
    let now = Date(timeIntervalSince1970: 1_000)
    #expect(
      RateLimitRule.classify(
        status: 403, headers: headers([("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "1010")]), message: nil,
        now: now) == .primary(wait: .seconds(11), resetAt: Date(timeIntervalSince1970: 1_010)))
    #expect(
      RateLimitRule.classify(status: 429, headers: headers([("retry-after", "7")]), message: nil, now: now)
        == .retryAfter(.seconds(7)))
    #expect(RateLimitRule.classify(status: 429, headers: headers([]), message: nil, now: now) == .secondary)
    #expect(
      RateLimitRule.classify(
        status: 403, headers: headers([]), message: "You have exceeded a secondary rate limit", now: now) == .secondary)
    #expect(
      RateLimitRule.classify(
        status: 403, headers: headers([("x-ratelimit-remaining", "4999")]),
        message: "Resource not accessible by integration", now: now) == nil)
    #expect(RateLimitRule.classify(status: 500, headers: headers([("retry-after", "1")]), message: nil) == nil)
    // The server's clock wins over a skewed local one.
    #expect(
      RateLimitRule.classify(
        status: 403,
        headers: headers([
          ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "1010"), ("date", "Thu, 01 Jan 1970 00:16:45 GMT"),
        ]), message: nil, now: Date(timeIntervalSince1970: 0))
        == .primary(wait: .seconds(6), resetAt: Date(timeIntervalSince1970: 1_010)))
  }

  @Test(
    "text is truncated on character boundaries",
    arguments: [
      ("short", 10, "short"),
      ("0123456789abc", 10, "012345678…"),
      ("👍🏽👍🏽👍🏽", 8, "👍🏽…"),
      ("éééé", 3, "éé…"),
    ])
  func truncation(text: String, limit: Int, expected: String) {
    let result = TextLimit.truncate(text, to: limit)
    #expect(result == expected)
    #expect(result.utf16.count <= limit)
  }

  @Test("repositories are OWNER/NAME", arguments: ["octo/demo", "a-b/c.d_e"])
  func validRepository(text: String) throws {
    #expect(try RepositoryID(parsing: text).description == text)
  }

  @Test("anything else is refused, naming the source", arguments: ["octo", "octo/", "/demo", "a/b/c", "a b/c", "../x"])
  func invalidRepository(text: String) {
    let error = #expect(throws: GitHubError.self) { try RepositoryID(parsing: text, source: "--repo") }
    #expect(error?.description.contains("--repo") == true)
  }

  @Test("path segments are percent-encoded, refs keep their slashes")
  func paths() {
    let repository = RepositoryID(owner: "octo", name: "demo")
    #expect(APIPath.repository(repository, "statuses", "a b").encoded == "/repos/octo/demo/statuses/a%20b")
    #expect(
      APIPath.repository(repository, "git", "ref").appending(components: "heads/covbot/ratchet#1").encoded
        == "/repos/octo/demo/git/ref/heads/covbot/ratchet%231")
    #expect(
      APIPath.query([URLQueryItem(name: "head", value: "octo:covbot/x"), URLQueryItem(name: "q", value: "a&b=c")])
        == "head=octo%3Acovbot%2Fx&q=a%26b%3Dc")
  }

  @Test("backoff grows with jitter and stays within bounds")
  func backoff() {
    let policy = RetryPolicy(baseDelay: .seconds(1), maxDelay: .seconds(5))
    for retry in 1...6 {
      let ceiling = min(Duration.seconds(1 << (retry - 1)), .seconds(5))
      let delay = policy.backoff(retry: retry)
      #expect(delay >= ceiling / 2 && delay <= ceiling)
    }
    #expect(policy.secondaryWait(hit: 1) == .seconds(60))
    #expect(policy.secondaryWait(hit: 3) == .seconds(240))
  }
}
