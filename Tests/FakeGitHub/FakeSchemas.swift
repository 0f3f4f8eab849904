import Foundation

/// GitHub's request schemas for the fake's endpoints, from `Resources/github-rest-schemas.json`.
struct FakeSchemas: Sendable {
  /// Per `METHOD /template`: the docs URL, the body schema, the query parameter schemas.
  private let endpoints: [String: JSONValue]

  init() throws {
    guard
      let url = Bundle.module.url(forResource: "github-rest-schemas", withExtension: "json", subdirectory: "Resources")
        ?? Bundle.module.url(forResource: "github-rest-schemas", withExtension: "json")
    else { throw FakeSetupError(message: "Resources/github-rest-schemas.json is missing from the FakeGitHub bundle") }
    guard let document = JSONValue.parse(try Data(contentsOf: url)), let endpoints = document["endpoints"]?.object
    else {
      throw FakeSetupError(message: "Resources/github-rest-schemas.json is not the expected JSON")
    }
    self.endpoints = endpoints
  }

  func docs(_ template: String) -> String {
    endpoints[template]?["docs"]?.string ?? "https://docs.github.com/rest"
  }

  func body(_ template: String) -> JSONValue? { endpoints[template]?["body"] }

  func query(_ template: String) -> [String: JSONValue] { endpoints[template]?["query"]?.object ?? [:] }
}

/// The fake could not start.
public struct FakeSetupError: Error, Sendable, CustomStringConvertible {
  /// What went wrong.
  public var message: String
  public var description: String { "FakeGitHub: \(message)" }
}
