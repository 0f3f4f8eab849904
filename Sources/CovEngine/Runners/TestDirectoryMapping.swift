/// covgate's `--test-dir` / `--src-prefix`: tests for `<src-prefix>/x` live in `<test-dir>/x`.
public struct TestDirectoryMapping: Sendable, Hashable {
  /// Where the tests live, relative to the module root (e.g. `tests`).
  public var testDirectory: String
  /// The source tree the test tree mirrors, relative to the module root (`""` for the root).
  public var sourcePrefix: String

  /// Creates a mapping; surrounding slashes and `./` are ignored.
  public init(testDirectory: String, sourcePrefix: String = "") {
    self.testDirectory = Self.clean(testDirectory)
    self.sourcePrefix = Self.clean(sourcePrefix)
  }

  /// The test directory for a package directory (both relative to the module root), if it maps.
  func testDirectory(forPackageDirectory directory: String) -> String? {
    let relative: String
    if sourcePrefix.isEmpty {
      relative = directory == "." ? "" : directory
    } else if directory == sourcePrefix {
      relative = ""
    } else if directory.hasPrefix(sourcePrefix + "/") {
      relative = String(directory.dropFirst(sourcePrefix.count + 1))
    } else {
      return nil
    }
    if isInTestTree(directory) { return nil }
    return relative.isEmpty ? testDirectory : testDirectory + "/" + relative
  }

  /// Whether a package directory is inside the test tree.
  func isInTestTree(_ directory: String) -> Bool {
    directory == testDirectory || directory.hasPrefix(testDirectory + "/")
  }

  private static func clean(_ path: String) -> String {
    var path = Substring(path)
    while path.hasPrefix("./") { path = path.dropFirst(2) }
    while path.hasPrefix("/") { path = path.dropFirst() }
    while path.hasSuffix("/") { path = path.dropLast() }
    return path == "." ? "" : String(path)
  }
}
