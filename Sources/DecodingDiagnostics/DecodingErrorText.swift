/// Says where a JSON document went wrong, in the words a user can act on.
///
/// `DecodingError`'s own description names Swift coding keys; this names the JSON field path
/// (`packages[3].status`, `check_runs[0].id`) that a user finds in the file or response.
public enum DecodingErrorText {
  /// Turns a `DecodingError` into `missing field packages[3].status` or `field x.y: …`; any other
  /// error into its description.
  public static func describe(_ error: any Error) -> String {
    switch error as? DecodingError {
    case .keyNotFound(let key, let context)?:
      let parent = fieldPath(context)
      return "missing field \(parent.isEmpty ? "" : parent + ".")\(key.stringValue)"
    case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
      return "field \(fieldPath(context)): \(context.debugDescription)"
    case .dataCorrupted(let context)?:
      let at = fieldPath(context)
      return at.isEmpty ? context.debugDescription : "field \(at): \(context.debugDescription)"
    default:
      return "\(error)"
    }
  }

  private static func fieldPath(_ context: DecodingError.Context) -> String {
    let parts = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
    let joined = parts.joined()
    return joined.hasPrefix(".") ? String(joined.dropFirst()) : joined
  }
}
