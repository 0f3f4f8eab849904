import Foundation

/// The `Link` response header GitHub paginates with: `<url>; rel="next", <url>; rel="last"`.
struct LinkHeader: Sendable, Hashable {
  /// Target URL by relation (`next`, `prev`, `first`, `last`).
  var links: [String: String] = [:]

  /// Parses every `Link` value of a response.
  init(_ values: [String]) {
    for value in values {
      for entry in Self.entries(value) {
        var parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let target = parts.first, target.hasPrefix("<"), target.hasSuffix(">") else { continue }
        let url = String(target.dropFirst().dropLast())
        parts.removeFirst()
        for parameter in parts {
          let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
          guard pair.count == 2, pair[0].lowercased() == "rel" else { continue }
          let relations = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
          for relation in relations.split(separator: " ") where links[String(relation)] == nil {
            links[String(relation)] = url
          }
        }
      }
    }
  }

  /// The next page's URL, if any.
  var next: String? { links["next"] }

  /// Splits at commas outside `<…>` (URLs may contain commas).
  private static func entries(_ value: String) -> [Substring] {
    var result: [Substring] = []
    var start = value.startIndex
    var insideURL = false
    for index in value.indices {
      switch value[index] {
      case "<": insideURL = true
      case ">": insideURL = false
      case "," where !insideURL:
        result.append(value[start..<index])
        start = value.index(after: index)
      default: break
      }
    }
    result.append(value[start...])
    return result
  }
}
