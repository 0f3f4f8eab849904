import FakeGitHub
import GitHub
import Testing

@Suite("The token never shows")
struct TokenTests {
  @Test("description, debug description and dump are redacted")
  func tokenDoesNotPrint() throws {
    let secret = "ghp_0123456789abcdefSECRET"
    let token = try #require(GitHubToken(secret))
    var dumped = ""
    dump(token, to: &dumped)
    for text in [String(describing: token), String(reflecting: token), "\(token)", dumped] {
      #expect(!text.contains(secret))
    }
    #expect(token.maskCommand == "::add-mask::\(secret)")
    #expect(token.redact("a \(secret) b \(secret)") == "a *** b ***")
  }

  @Test("blank tokens and tokens with line breaks are refused", arguments: ["", "  ", "abc\ndef", "abc\r\nX-Evil: 1"])
  func invalidTokens(text: String) {
    #expect(GitHubToken(text) == nil)
  }

  @Test("errors never carry the token, even when the server echoes it")
  func errorsAreScrubbed() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.echoAuthorization))
      let client = try TestClients.client(for: fake)
      let error = await #expect(throws: GitHubError.self) { try await client.issueComments(in: demo, issue: 1) }
      let found = try #require(error)
      #expect(found.message.contains("Bearer ***"))
      var dumped = ""
      dump(found, to: &dumped)
      for text in [found.description, String(reflecting: found), dumped, found.documentationURL ?? ""] {
        #expect(!text.contains(fake.token))
      }
    }
  }

  @Test("every kind of failure leaves the token out")
  func failuresLeaveTokenOut() async throws {
    try await FakeGitHub.withServer(FakeGitHub.Configuration(readOnly: true)) { fake in
      await fake.inject(FakeFault(.primaryRateLimit(status: 429, resetIn: 9_999), method: "GET"))
      let client = try TestClients.client(for: fake)
      let wrongToken = try TestClients.client(for: fake, token: fake.token + "x")
      var errors: [GitHubError] = []
      do throws(GitHubError) { _ = try await client.issueComments(in: demo, issue: 1) } catch { errors.append(error) }
      do throws(GitHubError) { _ = try await client.createIssueComment(in: demo, issue: 1, body: "x") } catch {
        errors.append(error)
      }
      do throws(GitHubError) { _ = try await wrongToken.issueComments(in: demo, issue: 1) } catch {
        errors.append(error)
      }
      #expect(errors.map(\.kind) == [.rateLimited, .readOnlyToken, .unauthorized])
      for error in errors {
        #expect(!error.description.contains(fake.token))
        #expect(!String(reflecting: error).contains(fake.token))
      }
    }
  }

  @Test("the environment's token is read from the named variable; a missing one is a clear error")
  func tokenFromEnvironment() throws {
    let configuration = try GitHubClient.Configuration.fromEnvironment(
      ["COVBOT_TOKEN": " ghs_abc \n", "GITHUB_TOKEN": "other"], tokenVariable: "COVBOT_TOKEN", userAgent: "covbot/1")
    #expect(configuration.token == GitHubToken("ghs_abc"))
    #expect(configuration.apiURL == "https://api.github.com")
    let error = #expect(throws: GitHubError.self) {
      try GitHubClient.Configuration.fromEnvironment([:], tokenVariable: "COVBOT_TOKEN", userAgent: "covbot/1")
    }
    #expect(error?.kind == .configuration)
    #expect(error?.description.contains("COVBOT_TOKEN is not set") == true)
  }
}
