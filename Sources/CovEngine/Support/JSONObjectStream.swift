import DecodingDiagnostics
import Foundation

/// Decodes a stream of concatenated JSON objects, as `go list -json` prints them.
enum JSONObjectStream {
  /// Splits `text` into top-level objects and decodes each.
  static func decode<T: Decodable>(_ type: T.Type, from text: String, source: String) throws -> [T] {
    let decoder = JSONDecoder()
    var result: [T] = []
    let bytes = Array(text.utf8)
    var depth = 0
    var inString = false
    var escaped = false
    var start: Int?
    for (index, byte) in bytes.enumerated() {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""):
        inString = true
      case UInt8(ascii: "{"):
        if depth == 0 { start = index }
        depth += 1
      case UInt8(ascii: "}"):
        depth -= 1
        if depth == 0, let begin = start {
          do {
            result.append(try decoder.decode(T.self, from: Data(bytes[begin...index])))
          } catch {
            throw GoToolError(
              command: source, reason: "unexpected output (\(DecodingErrorText.describe(error)))",
              hint: "Check that the go toolchain works: run `\(source)` yourself.")
          }
          start = nil
        }
      default:
        break
      }
    }
    return result
  }
}
