import Foundation

/// The JSON body of a GitHub error response: `message`, `documentation_url`, `errors`.
struct GitHubErrorBody: Decodable, Sendable {
  /// GitHub's message.
  var message: String?
  /// Where GitHub documents the endpoint or the error.
  var documentationURL: String?
  /// Validation details, one line each.
  var errors: [String]

  enum CodingKeys: String, CodingKey {
    case message
    case documentationURL = "documentation_url"
    case errors
  }

  /// One entry of `errors`: an object (`resource`, `field`, `code`, `message`) or a plain string.
  private struct Detail: Decodable {
    var text: String

    private struct Fields: Decodable {
      var resource: String?
      var field: String?
      var code: String?
      var message: String?
      var value: String?
    }

    init(from decoder: any Decoder) throws {
      if let text = try? decoder.singleValueContainer().decode(String.self) {
        self.text = text
        return
      }
      let fields = try Fields(from: decoder)
      var parts: [String] = []
      if let field = fields.field { parts.append((fields.resource.map { "\($0)." } ?? "") + field) }
      if let message = fields.message {
        parts.append(message)
      } else if let code = fields.code {
        parts.append(code)
      }
      text = parts.isEmpty ? "invalid" : parts.joined(separator: ": ")
    }
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    message = try? container.decodeIfPresent(String.self, forKey: .message)
    documentationURL = try? container.decodeIfPresent(String.self, forKey: .documentationURL)
    errors = ((try? container.decodeIfPresent([Detail].self, forKey: .errors)) ?? []).map(\.text)
  }

  /// Parses `data`, or `nil` when it is not a JSON object.
  static func parse(_ data: Data) -> GitHubErrorBody? {
    try? JSONDecoder().decode(GitHubErrorBody.self, from: data)
  }
}
