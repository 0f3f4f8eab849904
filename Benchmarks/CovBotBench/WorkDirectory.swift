import Foundation

/// The benchmark's scratch directory: `--work-dir`, or a temporary directory removed afterwards.
struct WorkDirectory: Sendable {
  /// The directory (absolute).
  var path: String
  /// Whether ``cleanUp()`` removes it.
  var removeWhenDone: Bool

  /// Creates `explicit` (kept afterwards) or a fresh temporary directory (removed unless `keep`).
  init(explicit: String?, keep: Bool) throws(BenchError) {
    let files = FileManager.default
    if let explicit {
      path = URL(fileURLWithPath: explicit).standardizedFileURL.path
      removeWhenDone = false
    } else {
      path = files.temporaryDirectory.appendingPathComponent("covbot-bench-\(UUID().uuidString.prefix(8))").path
      removeWhenDone = !keep
    }
    do {
      try files.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw BenchError("could not create the work directory \(path): \(error)", next: "Pass a writable --work-dir.")
    }
  }

  /// Removes the build caches, and the whole directory when it is temporary.
  func cleanUp() {
    let files = FileManager.default
    try? files.removeItem(atPath: removeWhenDone ? path : "\(path)/gocache")
  }
}
