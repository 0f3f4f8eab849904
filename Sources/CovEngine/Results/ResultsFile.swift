import CovBotSupport
import DecodingDiagnostics
import Foundation

/// Reads and writes ``CovResults`` as JSON (`covbot-results.json`).
public enum ResultsFile {
  /// The default file name, in the module root.
  public static let defaultName = "covbot-results.json"

  /// Encodes results as stable, pretty-printed JSON (sorted keys, ISO 8601 dates).
  public static func encode(_ results: CovResults) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    var data = try encoder.encode(results)
    data.append(0x0A)
    return data
  }

  /// Decodes results, rejecting other schema versions with a clear error.
  public static func decodeResults(_ data: Data, path: String) throws(ResultsFileError) -> CovResults {
    struct Header: Decodable { var schemaVersion: Int? }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    let header: Header
    do {
      header = try decoder.decode(Header.self, from: data)
    } catch {
      throw ResultsFileError(path: path, reason: "not a JSON object (\(DecodingErrorText.describe(error)))")
    }
    guard let version = header.schemaVersion else {
      throw ResultsFileError(path: path, reason: "missing field schemaVersion; is this a covbot results file?")
    }
    guard version == CovResults.currentSchemaVersion else {
      throw ResultsFileError(
        path: path,
        reason: "schemaVersion \(version) is not supported (this covbot reads \(CovResults.currentSchemaVersion))")
    }
    do {
      let results = try decoder.decode(CovResults.self, from: data)
      try ResultsLimits.check(results)
      return results
    } catch {
      throw ResultsFileError(path: path, reason: DecodingErrorText.describe(error))
    }
  }

  /// The largest results file read, in bytes.
  public static let maxFileBytes = 1 << 30

  /// Reads results from `path`.
  public static func read(from path: String) throws(ResultsFileError) -> CovResults {
    // stat(2), not FileManager's attributes: those describe a symbolic link itself, not its target.
    var info = stat()
    let size = stat(path, &info) == 0 ? Int(info.st_size) : 0
    guard size <= maxFileBytes else {
      throw ResultsFileError(path: path, reason: "\(size) bytes, larger than the \(maxFileBytes) a results file may be")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason = access(path, R_OK) != 0 ? String(cString: strerror(errno)) : "unreadable"
      throw ResultsFileError(path: path, reason: "cannot read it: \(reason)")
    }
    return try decodeResults(data, path: path)
  }

  /// Writes results to `path` atomically.
  public static func write(_ results: CovResults, to path: String) throws(ResultsFileError) {
    let data: Data
    do {
      data = try encode(results)
    } catch {
      throw ResultsFileError(path: path, reason: "cannot encode the results: \(error)", advice: "Report this as a bug.")
    }
    do {
      try AtomicFile.write(data, to: path)
    } catch {
      throw ResultsFileError(path: error.path, reason: "cannot write it: \(error.reason)", advice: error.advice)
    }
  }
}

/// A results file could not be read or written.
public struct ResultsFileError: Error, Sendable, CustomStringConvertible {
  /// The results file.
  public var path: String
  /// What is wrong with it.
  public var reason: String
  /// What to do about it; by default, how to produce a valid file.
  public var advice: String?

  /// Creates an error for `path`; without `advice`, the error says how to produce a valid file.
  public init(path: String, reason: String, advice: String? = nil) {
    self.path = path
    self.reason = reason
    self.advice = advice
  }

  public var description: String {
    "results file \(path): \(reason). \(advice ?? "Produce it with `covbot gate --json \(path)`.")"
  }
}
