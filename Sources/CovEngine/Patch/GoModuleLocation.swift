/// Where a measured Go module sits: its module path and its root relative to the repository root.
///
/// Maps coverprofile file names (`example.com/m/pkg/a.go`) to repository paths (`svc/pkg/a.go`
/// for a module rooted at `svc/`) and back.
public struct GoModuleLocation: Sendable, Hashable {
  /// The module path from `go.mod`, e.g. `example.com/m`.
  public var modulePath: String
  /// The module root relative to the repository root, without a trailing `/` (`""` for the root).
  public var directory: String

  /// A module at `directory` (`""` or `.` for the repository root; a trailing `/` is dropped).
  public init(modulePath: String, directory: String) {
    self.modulePath = modulePath
    var directory = directory
    while directory.hasSuffix("/") { directory.removeLast() }
    while directory.hasPrefix("./") { directory.removeFirst(2) }
    self.directory = directory == "." ? "" : directory
  }

  /// The file's path inside the module (`pkg/a.go`), or `nil` when `path` is outside it.
  func relativePath(ofRepositoryPath path: String) -> String? {
    guard !directory.isEmpty else { return path }
    guard path.hasPrefix(directory + "/") else { return nil }
    return String(path.dropFirst(directory.count + 1))
  }

  /// The coverprofile's name for a repository path, or `nil` when `path` is outside the module.
  public func profileName(ofRepositoryPath path: String) -> String? {
    relativePath(ofRepositoryPath: path).map { modulePath + "/" + $0 }
  }
}

extension [GoModuleLocation] {
  /// The module holding `path`: the one with the deepest root, since modules nest.
  func owner(ofRepositoryPath path: String) -> GoModuleLocation? {
    filter { $0.relativePath(ofRepositoryPath: path) != nil }.max { $0.directory.count < $1.directory.count }
  }
}
