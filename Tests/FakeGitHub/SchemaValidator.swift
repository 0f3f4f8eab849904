import Foundation

/// Checks a JSON document against the subset of JSON Schema (OpenAPI 3.0 flavour) GitHub's descriptions use:
/// `type`, `nullable`, `required`, `properties`, `enum`, `items`, `maxItems`, `maxLength`, `format: date-time`,
/// `oneOf`, `anyOf`. Returns messages in GitHub's style (`"head_sha" wasn't supplied.`), empty when valid.
struct SchemaValidator: Sendable {
  func validate(_ value: JSONValue, against schema: JSONValue, at path: String = "") -> [String] {
    var problems: [String] = []
    let name = path.isEmpty ? "body" : path
    if value == .null {
      if schema["nullable"]?.bool == true || schema["type"] == nil { return [] }
      return ["For '\(name)', nil is not a \(schema["type"]?.string ?? "value")."]
    }
    if let type = schema["type"]?.string, !Self.matches(value, type: type) {
      return ["For '\(name)', \(Self.show(value)) is not \(Self.article(type)) \(type)."]
    }
    if let allowed = schema["enum"]?.array, !allowed.contains(value) {
      let list = allowed.compactMap(\.string).joined(separator: ", ")
      problems.append("For '\(name)', \(Self.show(value)) is not a member of [\(list)].")
    }
    if let maxLength = schema["maxLength"]?.integer, case .string(let text) = value,
      text.unicodeScalars.count > maxLength
    {
      problems.append("For '\(name)', the value is longer than \(maxLength) characters.")
    }
    if schema["format"]?.string == "date-time", case .string(let text) = value, !Self.isDateTime(text) {
      problems.append("For '\(name)', \"\(text)\" is not a date-time.")
    }
    if case .object(let members) = value {
      for required in schema["required"]?.array?.compactMap(\.string) ?? [] where members[required] == nil {
        problems.append("\"\(required)\" wasn't supplied.")
      }
      if let properties = schema["properties"]?.object {
        for (key, member) in members.sorted(by: { $0.key < $1.key }) {
          guard let propertySchema = properties[key] else { continue }
          problems += validate(member, against: propertySchema, at: path.isEmpty ? key : "\(path)/\(key)")
        }
      }
    }
    if case .array(let elements) = value {
      if let maxItems = schema["maxItems"]?.integer, elements.count > maxItems {
        problems.append("For '\(name)', \(elements.count) items are more than the maximum of \(maxItems).")
      }
      if let itemSchema = schema["items"] {
        for (index, element) in elements.enumerated() {
          problems += validate(element, against: itemSchema, at: "\(path.isEmpty ? "items" : path)/\(index)")
        }
      }
    }
    if let branches = schema["oneOf"]?.array {
      let matching = branches.filter { validate(value, against: $0, at: path).isEmpty }.count
      if matching != 1 {
        problems.append("For '\(name)', the value matches \(matching) of the allowed shapes instead of exactly one.")
      }
    }
    if let branches = schema["anyOf"]?.array,
      !branches.contains(where: { validate(value, against: $0, at: path).isEmpty })
    {
      problems.append("For '\(name)', the value matches none of the allowed shapes.")
    }
    return problems
  }

  /// Checks a query parameter's text against its schema (`integer`, `enum`, `maximum`).
  func validateQuery(_ text: String, name: String, against schema: JSONValue) -> String? {
    if schema["type"]?.string == "integer" {
      guard let number = Int64(text) else { return "For '\(name)', \"\(text)\" is not an integer." }
      if let maximum = schema["maximum"]?.integer, number > maximum {
        return nil  // GitHub caps per_page at its maximum instead of failing.
      }
    }
    if let allowed = schema["enum"]?.array, !allowed.contains(.string(text)) {
      return "For '\(name)', \"\(text)\" is not a member of [\(allowed.compactMap(\.string).joined(separator: ", "))]."
    }
    return nil
  }

  private static func matches(_ value: JSONValue, type: String) -> Bool {
    switch (type, value) {
    case ("string", .string), ("boolean", .bool), ("integer", .integer), ("number", .integer), ("number", .number),
      ("array", .array), ("object", .object):
      true
    default: false
    }
  }

  private static func article(_ type: String) -> String {
    ["a", "e", "i", "o", "u"].contains(type.prefix(1)) ? "an" : "a"
  }

  private static func show(_ value: JSONValue) -> String {
    String(decoding: value.encoded(), as: UTF8.self)
  }

  static func isDateTime(_ text: String) -> Bool {
    (try? Date(text, strategy: .iso8601)) != nil
      || (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)) != nil
  }
}
