import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a floor file's symbolic links lead: several packages may share one floor through links.
enum FloorTarget {
  /// The path with every symbolic link resolved, or `nil` when it does not exist.
  static func resolve(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// `path` relative to `directory` when it lies inside it (both resolved), else `nil`.
  static func relative(_ path: String, to directory: String) -> String? {
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    guard path.hasPrefix(prefix) else { return nil }
    return String(path.dropFirst(prefix.count))
  }
}
