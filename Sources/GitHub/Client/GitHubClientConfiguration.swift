import Foundation

extension GitHubClient {
  /// Where and how ``GitHubClient`` talks to GitHub.
  public struct Configuration: Sendable {
    /// GitHub.com's API.
    public static let defaultAPIURL = "https://api.github.com"

    /// The API base URL without a trailing `/`: `https://api.github.com`, or `https://HOST/api/v3` for
    /// GitHub Enterprise Server.
    public var apiURL: String
    /// The token.
    public var token: GitHubToken
    /// The `User-Agent`, e.g. `covbot/0.1.0`.
    public var userAgent: String
    /// The most time to spend connecting.
    public var connectTimeout: Duration
    /// The most time one request may take.
    public var requestTimeout: Duration
    /// Retries and rate-limit waits.
    public var retry: RetryPolicy
    /// A CA bundle file for TLS verification (`SSL_CERT_FILE`, `CURL_CA_BUNDLE`).
    public var caBundle: String?
    /// A directory of CA certificates (`SSL_CERT_DIR`).
    public var caDirectory: String?

    /// Creates a configuration; `apiURL` must be an `http` or `https` URL.
    public init(
      apiURL: String = Self.defaultAPIURL, token: GitHubToken, userAgent: String,
      connectTimeout: Duration = .seconds(10), requestTimeout: Duration = .seconds(30),
      retry: RetryPolicy = RetryPolicy(), caBundle: String? = nil, caDirectory: String? = nil
    ) throws(GitHubError) {
      self.apiURL = try Self.normalize(apiURL)
      self.token = token
      self.userAgent = userAgent
      self.connectTimeout = connectTimeout
      self.requestTimeout = requestTimeout
      self.retry = retry
      self.caBundle = caBundle
      self.caDirectory = caDirectory
    }

    /// Reads `GITHUB_API_URL`, the token from `tokenVariable`, and the CA settings (`SSL_CERT_FILE`,
    /// `CURL_CA_BUNDLE`, `SSL_CERT_DIR`) from `environment`. Proxies (`HTTPS_PROXY`, `NO_PROXY`) are
    /// read by libcurl itself.
    public static func fromEnvironment(
      _ environment: [String: String], tokenVariable: String = "GITHUB_TOKEN", userAgent: String,
      retry: RetryPolicy = RetryPolicy()
    ) throws(GitHubError) -> Configuration {
      guard let raw = environment[tokenVariable], !raw.isEmpty else {
        throw GitHubError(
          kind: .configuration,
          message: """
            no GitHub token: \(tokenVariable) is not set. In GitHub Actions add \
            `env: { \(tokenVariable): ${{ github.token }} }` to the step, or name another variable with --token-env
            """)
      }
      guard let token = GitHubToken(raw) else {
        throw GitHubError(
          kind: .configuration, message: "\(tokenVariable) is blank or contains a line break; it is not a token")
      }
      func nonEmpty(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
      return try Configuration(
        apiURL: nonEmpty("GITHUB_API_URL") ?? defaultAPIURL, token: token, userAgent: userAgent, retry: retry,
        caBundle: nonEmpty("SSL_CERT_FILE") ?? nonEmpty("CURL_CA_BUNDLE"), caDirectory: nonEmpty("SSL_CERT_DIR"))
    }

    /// `scheme://host[:port]` of ``apiURL``: pagination links must stay on it, or the token would leave.
    var origin: String {
      guard let components = URLComponents(string: apiURL), let scheme = components.scheme,
        let host = components.percentEncodedHost
      else { return apiURL }
      return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }

    /// `text` with any `user:password@` before the host replaced by `***@`: a URL with
    /// credentials must not be echoed back into a CI log.
    static func redactingCredentials(_ text: String) -> String {
      guard let scheme = text.range(of: "://") else { return text }
      let rest = text[scheme.upperBound...]
      let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
      guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return text }
      return String(text[..<scheme.upperBound]) + "***" + String(rest[at...])
    }

    private static func normalize(_ text: String) throws(GitHubError) -> String {
      var url = text.trimmingCharacters(in: .whitespaces)
      while url.hasSuffix("/") { url.removeLast() }
      guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
        scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty,
        components.query == nil, components.fragment == nil, components.user == nil
      else {
        throw GitHubError(
          kind: .configuration,
          message: """
            GITHUB_API_URL "\(redactingCredentials(text))" is not an http(s) URL without query or credentials; \
            use https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server
            """)
      }
      return url
    }
  }
}
