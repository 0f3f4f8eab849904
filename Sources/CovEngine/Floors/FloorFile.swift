import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

  /// The longest first line read, in bytes: a floor is a few characters.
  public static let maxFirstLineBytes = 4096
  /// The largest floor file read, in bytes: a floor and a few notes, never a data file.
  public static let maxFileBytes = 64 * 1024
  /// How much of a malformed value an error shows, in characters.
  static let maxShownCharacters = 40

  /// Reads the `.covgate` file in `directory`, or returns `nil` when there is none.
  ///
  /// A `.covgate` that is a symbolic link is read through it; a link to a missing file is an error
  /// (never the default floor), and so is a directory, FIFO or device in its place.
  public static func load(inDirectory directory: String) throws(FloorFileError) -> FloorFile? {
    try loadIfPresent(path: (directory as NSString).appendingPathComponent(fileName))
  }

  /// Reads the floor file at `path`, or returns `nil` when nothing (not even a link) is there.
  public static func loadIfPresent(path: String) throws(FloorFileError) -> FloorFile? {
    guard let text = try readTextIfPresent(path: path) else { return nil }
    return try parse(text, path: path)
  }

  /// Reads and parses the floor file at `path`.
  public static func load(path: String) throws(FloorFileError) -> FloorFile {
    guard let file = try loadIfPresent(path: path) else {
      throw FloorFileError(path: path, line: nil, reason: "the file does not exist")
    }
    return file
  }

  /// The file's whole text, or `nil` when nothing is at `path`; at most ``maxFileBytes`` are read.
  ///
  /// The file type is checked before opening (and the file opened non-blocking), so a FIFO in
  /// place of a floor file is an error instead of a hang.
  static func readTextIfPresent(path: String) throws(FloorFileError) -> String? {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      let error = errno
      if error == ENOENT { return nil }
      throw FloorFileError(path: path, line: nil, reason: "cannot read the file: \(errnoText(error))")
    }
    if info.st_mode & S_IFMT == S_IFLNK {
      guard stat(path, &info) == 0 else {
        let error = errno
        // The target is the repository's text too: escaped like any echoed value, but longer, as a path.
        let target = linkTarget(path).map { " to \(shown($0, limit: 300))" } ?? ""
        if error == ENOENT {
          throw FloorFileError(
            path: path, line: nil,
            reason: "it is a dangling symbolic link\(target): its target does not exist. Restore the target or "
              + "remove the link (a package without a .covgate file gets the default floor)")
        }
        throw FloorFileError(
          path: path, line: nil, reason: "cannot follow the symbolic link\(target): \(errnoText(error))")
      }
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw FloorFileError(path: path, line: nil, reason: "it is \(kindName(info.st_mode)), not a regular file")
    }
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard descriptor >= 0 else {
      throw FloorFileError(path: path, line: nil, reason: "cannot read the file: \(errnoText())")
    }
    defer { close(descriptor) }
    // Checked again on the open file: it may have been swapped for something else since lstat.
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      throw FloorFileError(path: path, line: nil, reason: "it is \(kindName(info.st_mode)), not a regular file")
    }
    var bytes = [UInt8](repeating: 0, count: maxFileBytes + 1)
    var count = 0
    while count < bytes.count {
      let got = bytes.withUnsafeMutableBytes { buffer in
        read(descriptor, buffer.baseAddress! + count, buffer.count - count)
      }
      if got < 0 {
        if errno == EINTR { continue }
        throw FloorFileError(path: path, line: nil, reason: "cannot read the file: \(errnoText())")
      }
      if got == 0 { break }
      count += got
    }
    let data = bytes[..<count]
    if firstLineLength(data) > maxFirstLineBytes {
      throw FloorFileError(path: path, line: 1, reason: "the first line is longer than \(maxFirstLineBytes) bytes")
    }
    guard count <= maxFileBytes else {
      throw FloorFileError(
        path: path, line: nil,
        reason: "the file is larger than \(maxFileBytes) bytes; a .covgate file holds a floor and a few notes")
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      throw FloorFileError(path: path, line: 1, reason: "not UTF-8 text")
    }
    return text
  }

  /// Parses floor-file text; `path` is only used in errors.
  public static func parse(_ text: String, path: String) throws(FloorFileError) -> FloorFile {
    var body = Substring(text)
    if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
    let firstLineEnd = body.firstIndex(where: \.isNewline) ?? body.endIndex
    if body.utf8[..<firstLineEnd].count > maxFirstLineBytes {
      throw FloorFileError(path: path, line: 1, reason: "the first line is longer than \(maxFirstLineBytes) bytes")
    }
    let firstLine = body[..<firstLineEnd].trimmingCharacters(in: .whitespaces)
    let rest = String(body[firstLineEnd...])
    guard !firstLine.isEmpty else {
      throw FloorFileError(path: path, line: 1, reason: "the first line is empty")
    }
    let number =
      firstLine.hasSuffix("%") ? String(firstLine.dropLast()).trimmingCharacters(in: .whitespaces) : firstLine
    guard let floor = Percent(number) else {
      let decimals = number.split(separator: ".", maxSplits: 1).dropFirst().first
      if let decimals, decimals.count > Percent.maxScale, decimals.allSatisfy({ $0.isASCII && $0.isNumber }) {
        throw FloorFileError(
          path: path, line: 1,
          reason: "\(shown(firstLine)) is not a percentage with at most \(Percent.maxScale) decimals "
            + "(it has \(decimals.count))")
      }
      throw FloorFileError(path: path, line: 1, reason: "\(shown(firstLine)) is not a percentage")
    }
    guard floor >= Percent(units: 0, scale: 0), floor <= Percent(units: 100, scale: 0) else {
      throw FloorFileError(path: path, line: 1, reason: "\(floor) is outside 0–100")
    }
    return FloorFile(path: path, floor: floor, rest: rest.isEmpty ? "\n" : rest)
  }

  /// A value from the file as an error shows it: quoted, control characters (NUL, escapes, bidi
  /// overrides) written as `\u{…}`, cut to ``maxShownCharacters``.
  static func shown(_ value: String, limit: Int = maxShownCharacters) -> String {
    var result = ""
    var characters = 0
    for scalar in value.unicodeScalars {
      if characters == limit {
        result += "…"
        break
      }
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
        result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      default:
        result.unicodeScalars.append(scalar)
      }
      characters += 1
    }
    return "\"\(result)\""
  }

  /// Bytes before the first newline (all of them when there is none).
  private static func firstLineLength(_ data: ArraySlice<UInt8>) -> Int {
    (data.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? data.endIndex) - data.startIndex
  }

  private static func linkTarget(_ path: String) -> String? {
    try? FileManager.default.destinationOfSymbolicLink(atPath: path)
  }

  private static func kindName(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: "a directory"
    case S_IFIFO: "a FIFO"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    case S_IFLNK: "a symbolic link"
    default: "a special file"
    }
  }

  private static func errnoText(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
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
    guard let line else { return "\(path): \(reason). Fix the file, or remove it to use the default floor." }
    return
      "\(path):\(line): \(reason). The first line of a .covgate file must be a percentage from 0 to 100, e.g. 78.4."
  }
}
