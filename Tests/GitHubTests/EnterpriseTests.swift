import FakeGitHub
import GitHub
import Testing

@Suite("GitHub Enterprise Server base path and pagination")
struct EnterpriseTests {
  @Test("a /api/v3 prefix is kept on every request and on Link pages")
  func prefixedBaseURL() async throws {
    try await FakeGitHub.withServer(FakeGitHub.Configuration(pathPrefix: "/api/v3", pageSize: 2)) { fake in
      #expect(fake.apiURL.hasSuffix("/api/v3"))
      for index in 1...5 { await fake.seedComment(repository: "octo/demo", issue: 8, body: "c\(index)") }
      let client = try TestClients.client(for: fake, apiURL: fake.apiURL + "/")
      let comments = try await client.issueComments(in: demo, issue: 8)
      #expect(comments.compactMap(\.body) == ["c1", "c2", "c3", "c4", "c5"])
      let outcome = try await client.upsertStickyComment(in: demo, issue: 8, marker: marker, body: "\(marker)\nx")
      #expect(outcome.comment != nil)
      let requests = await fake.requests()
      #expect(requests.allSatisfy { $0.status == 200 || $0.status == 201 })
      #expect(requests.filter { $0.method == "GET" }.count == 6)
    }
  }

  @Test("the API root without its prefix gets a 404 that points at GITHUB_API_URL")
  func missingPrefix() async throws {
    try await FakeGitHub.withServer(FakeGitHub.Configuration(pathPrefix: "/api/v3")) { fake in
      let root = String(fake.apiURL.dropLast("/api/v3".count))
      let client = try TestClients.client(for: fake, apiURL: root)
      let error = await #expect(throws: GitHubError.self) { try await client.issueComments(in: demo, issue: 1) }
      #expect(error?.kind == .notFound)
    }
  }

  @Test("Link pagination follows next until the last page", arguments: [1, 3, 100])
  func pagination(pageSize: Int) async throws {
    try await FakeGitHub.withServer(FakeGitHub.Configuration(pageSize: pageSize)) { fake in
      for index in 1...7 { await fake.seedComment(repository: "octo/demo", issue: 1, body: "\(index)") }
      let client = try TestClients.client(for: fake)
      let comments = try await client.issueComments(in: demo, issue: 1)
      #expect(comments.compactMap(\.body) == (1...7).map(String.init))
      let pages = await fake.requests().map { $0.query["page"] ?? "1" }
      #expect(pages == (1...((7 + pageSize - 1) / pageSize)).map(String.init))
      #expect(await fake.requests().allSatisfy { $0.query["per_page"] == "100" })
    }
  }

  @Test("GITHUB_API_URL must be an http(s) URL", arguments: ["ftp://example.com", "not a url", "https://x/?q=1", ""])
  func invalidAPIURL(url: String) {
    let error = #expect(throws: GitHubError.self) {
      try GitHubClient.Configuration.fromEnvironment(
        ["GITHUB_TOKEN": "t", "GITHUB_API_URL": url.isEmpty ? "https://" : url], userAgent: "covbot/1")
    }
    #expect(error?.kind == .configuration)
    #expect(error?.description.contains("GITHUB_API_URL") == true)
  }

  @Test(
    "credentials in GITHUB_API_URL are refused and never echoed",
    arguments: ["https://octo:hunter2@ghe.example.com/api/v3", "https://hunter2@ghe.example.com", "ftp://u:hunter2@x/"])
  func credentialsInAPIURL(url: String) {
    let error = #expect(throws: GitHubError.self) {
      try GitHubClient.Configuration.fromEnvironment(
        ["GITHUB_TOKEN": "t", "GITHUB_API_URL": url], userAgent: "covbot/1")
    }
    #expect(error?.kind == .configuration)
    #expect(error?.description.contains("hunter2") == false, "\(String(describing: error))")
    #expect(error?.description.contains("***@") == true)
  }

  @Test("CA bundle settings come from SSL_CERT_FILE, then CURL_CA_BUNDLE")
  func caBundle() throws {
    let first = try GitHubClient.Configuration.fromEnvironment(
      ["GITHUB_TOKEN": "t", "SSL_CERT_FILE": "/a.pem", "CURL_CA_BUNDLE": "/b.pem", "SSL_CERT_DIR": "/certs"],
      userAgent: "covbot/1")
    #expect(first.caBundle == "/a.pem")
    #expect(first.caDirectory == "/certs")
    let second = try GitHubClient.Configuration.fromEnvironment(
      ["GITHUB_TOKEN": "t", "CURL_CA_BUNDLE": "/b.pem", "GITHUB_API_URL": "https://ghe.example.com/api/v3/"],
      userAgent: "covbot/1")
    #expect(second.caBundle == "/b.pem")
    #expect(second.apiURL == "https://ghe.example.com/api/v3")
  }
}
