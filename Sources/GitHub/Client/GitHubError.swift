import Foundation

/// Publishing to GitHub failed; the description says what failed and what to do next.
///
/// Texts taken from responses are scrubbed of the token before they are stored.
public struct GitHubError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What kind of failure it was.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// Bad settings: missing token, malformed `GITHUB_API_URL`, unreadable event file.
    case configuration
    /// GitHub could not be reached (DNS, connect, connection dropped), retries included.
    case network
    /// GitHub did not answer in time, retries included.
    case timeout
    /// TLS set-up or certificate verification failed.
    case tls
    /// 401: the token is missing, expired or invalid.
    case unauthorized
    /// 403 "Resource not accessible by …": the token may read but not write (fork pull requests).
    case readOnlyToken
    /// Any other 403.
    case forbidden
    /// 404 (or 410).
    case notFound
    /// 409.
    case conflict
    /// 400 or 422: GitHub rejected the request's content.
    case validation
    /// A rate limit that would take longer than the maximum wait, or too many in a row.
    case rateLimited
    /// 5xx after every retry.
    case server
    /// A request that creates something failed in a way that leaves open whether it was applied.
    case outcomeUnknown
    /// A response that could not be read.
    case invalidResponse
    /// The task was cancelled.
    case cancelled
    /// Any other HTTP status.
    case http
  }

  /// What kind of failure it was.
  public var kind: Kind
  /// The request, e.g. `POST /repos/octo/demo/issues/7/comments`.
  public var request: String?
  /// The HTTP status, when a response arrived.
  public var status: Int?
  /// GitHub's `message`, or what went wrong locally.
  public var message: String
  /// GitHub's `errors` details (field, code, message), one line each.
  public var details: [String]
  /// GitHub's `documentation_url`.
  public var documentationURL: String?
  /// For rate limits: when GitHub will accept requests again.
  public var retryAt: Date?
  /// How many attempts were made.
  public var attempts: Int

  /// Creates an error.
  public init(
    kind: Kind, request: String? = nil, status: Int? = nil, message: String, details: [String] = [],
    documentationURL: String? = nil, retryAt: Date? = nil, attempts: Int = 0
  ) {
    self.kind = kind
    self.request = request
    self.status = status
    self.message = message
    self.details = details
    self.documentationURL = documentationURL
    self.retryAt = retryAt
    self.attempts = attempts
  }

  public var description: String {
    var text = ""
    if let request { text += "\(request): " }
    if let status { text += "HTTP \(status) " }
    text += message.trimmingCharacters(in: .whitespacesAndNewlines)
    if !details.isEmpty { text += " (\(details.joined(separator: "; ")))" }
    if !text.hasSuffix(".") { text += "." }
    if let advice { text += " \(advice)" }
    if let documentationURL { text += " See \(documentationURL)" }
    return text
  }

  /// Whether the failure is the read-only token of a fork pull request or a job without write permissions.
  public var isReadOnlyToken: Bool { kind == .readOnlyToken }

  /// What to do next.
  private var advice: String? {
    switch kind {
    case .configuration, .cancelled, .validation, .http: nil
    case .network:
      "Check the network, the proxy settings (HTTPS_PROXY, NO_PROXY) and GITHUB_API_URL\(attemptsNote)."
    case .timeout:
      "GitHub did not answer in time\(attemptsNote); re-run later, or check the network and proxy settings."
    case .tls:
      "Set SSL_CERT_FILE or CURL_CA_BUNDLE to a CA bundle that trusts the server (GitHub Enterprise with a private CA)."
    case .unauthorized:
      "The token is missing, expired or invalid: check the variable named by --token-env (default GITHUB_TOKEN)."
    case .readOnlyToken:
      """
      The token may read but not write here, as for pull requests from forks (their GITHUB_TOKEN is read-only). \
      Keep the results file and publish from a trusted workflow_run job (`covbot publish --pr N --sha S`), \
      or grant the job `pull-requests: write`, `statuses: write` and `checks: write`.
      """
    case .forbidden: "Check that the token has the permissions this needs on the repository."
    case .notFound: "Check the repository, number or SHA, and that the token can see the repository."
    case .conflict: "The repository changed concurrently or is empty; re-run."
    case .rateLimited:
      if let retryAt {
        "GitHub's rate limit resets at \(Self.timestamp(retryAt)), later than the maximum wait (--max-wait) allows; "
          + "re-run after that or raise --max-wait."
      } else {
        "GitHub kept rate-limiting the request; re-run later or raise --max-wait."
      }
    case .server: "GitHub failed\(attemptsNote); re-run later (https://www.githubstatus.com)."
    case .outcomeUnknown:
      "The request may or may not have been applied, so it was not repeated blindly; re-run to reconcile."
    case .invalidResponse:
      "Is GITHUB_API_URL the API endpoint (https://HOST/api/v3 for GitHub Enterprise Server)?"
    }
  }

  private var attemptsNote: String { attempts > 1 ? " (\(attempts) attempts)" : "" }

  private static func timestamp(_ date: Date) -> String {
    date.formatted(.iso8601)
  }

  /// The same error with every text scrubbed of `token`.
  func redacting(_ token: GitHubToken) -> GitHubError {
    var copy = self
    copy.request = request.map(token.redact)
    copy.message = token.redact(message)
    copy.details = details.map(token.redact)
    copy.documentationURL = documentationURL.map(token.redact)
    return copy
  }
}
