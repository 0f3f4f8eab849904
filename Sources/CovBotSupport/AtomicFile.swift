import Foundation

/// Writes files atomically: a temporary file in the same directory, then `rename(2)`.
///
/// A reader never sees half a file, and an existing file keeps its permissions.
public enum AtomicFile {
  /// Replaces (or creates) `path` with `data`, creating missing parent directories.
  public static func write(_ data: Data, to path: String) throws(FileWriteError) {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent()
    let manager = FileManager.default
    do {
      try manager.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw FileWriteError(
        path: path, reason: "cannot create directory \(directory.path): \(error.localizedDescription)")
    }
    let existingMode = (try? manager.attributesOfItem(atPath: path)[.posixPermissions]) as? NSNumber
    let temp = directory.appendingPathComponent(".\(url.lastPathComponent).covbot-\(UUID().uuidString.prefix(8)).tmp")
    guard manager.createFile(atPath: temp.path, contents: data) else {
      throw FileWriteError(path: path, reason: "cannot write a temporary file in \(directory.path)")
    }
    if let existingMode {
      _ = try? manager.setAttributes([.posixPermissions: existingMode], ofItemAtPath: temp.path)
    }
    if rename(temp.path, path) != 0 {
      let reason = String(cString: strerror(errno))
      try? manager.removeItem(at: temp)
      throw FileWriteError(path: path, reason: "rename failed: \(reason)")
    }
  }

  /// Replaces (or creates) `path` with the UTF-8 bytes of `text`.
  public static func write(_ text: String, to path: String) throws(FileWriteError) {
    try write(Data(text.utf8), to: path)
  }
}

/// A file could not be written.
public struct FileWriteError: Error, Sendable, CustomStringConvertible {
  /// The file that was being written.
  public var path: String
  /// What went wrong.
  public var reason: String

  public var description: String {
    "cannot write \(path): \(reason). Check that the directory exists and is writable."
  }
}
