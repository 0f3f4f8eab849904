import Foundation

/// A package's `.covgate` file: its first line is the package's floor, a percentage such as `78.4`.
///
/// Anything after the first line is the user's (comments, notes) and is kept when the floor is rewritten.
public struct FloorFile: Sendable, Hashable {
  /// The file name looked for in each package directory.
  public static let fileName = ".covgate"

  /// The file's path.
  public var path: String
  /// The floor on the first line.
  public var floor: Percent
  /// Everything after the first line, verbatim (including its leading newline), kept on rewrite.
  public var rest: String

  /// Creates a floor file value.
  public init(path: String, floor: Percent, rest: String = "\n") {
    self.path = path
    self.floor = floor
    self.rest = rest
  }

  /// Reads the `.covgate` file in `directory`, or returns `nil` when there is none.
  public static func load(inDirectory directory: String) throws(FloorFileError) -> FloorFile? {
    let path = (directory as NSString).appendingPathComponent(fileName)
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    return try load(path: path)
  }

  /// Reads and parses the floor file at `path`.
  public static func load(path: String) throws(FloorFileError) -> FloorFile {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw FloorFileError(path: path, line: nil, reason: "cannot read the file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw FloorFileError(path: path, line: 1, reason: "not UTF-8 text")
    }
    return try parse(text, path: path)
  }

  /// Parses floor-file text; `path` is only used in errors.
  public static func parse(_ text: String, path: String) throws(FloorFileError) -> FloorFile {
    var body = Substring(text)
    if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
    let firstLineEnd = body.firstIndex(where: \.isNewline) ?? body.endIndex
    let firstLine = body[..<firstLineEnd].trimmingCharacters(in: .whitespaces)
    let rest = String(body[firstLineEnd...])
    guard !firstLine.isEmpty else {
      throw FloorFileError(path: path, line: 1, reason: "the first line is empty")
    }
    let number =
      firstLine.hasSuffix("%") ? String(firstLine.dropLast()).trimmingCharacters(in: .whitespaces) : firstLine
    guard let floor = Percent(number) else {
      throw FloorFileError(path: path, line: 1, reason: "\"\(firstLine)\" is not a percentage")
    }
    guard floor >= Percent(units: 0, scale: 0), floor <= Percent(units: 100, scale: 0) else {
      throw FloorFileError(path: path, line: 1, reason: "\(floor) is outside 0–100")
    }
    return FloorFile(path: path, floor: floor, rest: rest.isEmpty ? "\n" : rest)
  }

  /// The file's text with `floor` on the first line and the rest kept.
  public func rendered(with floor: Percent) -> String {
    "\(floor)" + rest
  }
}

/// A `.covgate` file is malformed or unreadable.
public struct FloorFileError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The floor file.
  public var path: String
  /// The 1-based line, when the problem is on one.
  public var line: Int?
  /// What is wrong.
  public var reason: String

  public var description: String {
    let location = line.map { "\(path):\($0)" } ?? path
    return "\(location): \(reason). The first line of a .covgate file must be a percentage from 0 to 100, e.g. 78.4."
  }
}
