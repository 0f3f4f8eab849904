/// Turns a `DecodingError` into `field check_runs[3].id: …`.
enum JSONErrorText {
  static func describe(_ error: any Error) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let parts = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
      let joined = parts.joined()
      return joined.hasPrefix(".") ? String(joined.dropFirst()) : joined
    }
    switch error as? DecodingError {
    case .keyNotFound(let key, let context)?:
      let parent = path(context)
      return "missing field \(parent.isEmpty ? "" : parent + ".")\(key.stringValue)"
    case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
      return "field \(path(context)): \(context.debugDescription)"
    case .dataCorrupted(let context)?:
      let at = path(context)
      return at.isEmpty ? context.debugDescription : "field \(at): \(context.debugDescription)"
    default:
      return "\(error)"
    }
  }
}
