/// A package as `go list -json` describes it (the fields CovBot reads).
public struct GoPackage: Sendable, Hashable, Decodable {
  /// A `go list` error attached to a package (with `-e`).
  public struct PackageError: Sendable, Hashable, Decodable {
    /// The error text.
    public var message: String

    enum CodingKeys: String, CodingKey {
      case message = "Err"
    }
  }

  /// The import path.
  public var importPath: String
  /// The absolute package directory (absent when `go list -e` could not find the package).
  public var dir: String?
  /// The package name.
  public var name: String?
  /// Non-test Go files (these carry the statements that count).
  public var goFiles: [String]?
  /// Cgo files (also instrumented).
  public var cgoFiles: [String]?
  /// In-package test files.
  public var testGoFiles: [String]?
  /// External (`_test` package) test files.
  public var xTestGoFiles: [String]?
  /// Set when `go list -e` could not load the package.
  public var error: PackageError?

  enum CodingKeys: String, CodingKey {
    case importPath = "ImportPath"
    case dir = "Dir"
    case name = "Name"
    case goFiles = "GoFiles"
    case cgoFiles = "CgoFiles"
    case testGoFiles = "TestGoFiles"
    case xTestGoFiles = "XTestGoFiles"
    case error = "Error"
  }

  /// The absolute package directory, or `""` when go could not find it.
  public var directory: String { dir ?? "" }

  /// Whether the package has any test files.
  public var hasTests: Bool { !(testGoFiles ?? []).isEmpty || !(xTestGoFiles ?? []).isEmpty }

  /// The package's non-test source files, sorted.
  public var sourceFiles: [String] { ((goFiles ?? []) + (cgoFiles ?? [])).sorted() }

  /// Source and test files: a size estimate for scheduling without history.
  public var fileCount: Int { sourceFiles.count + (testGoFiles?.count ?? 0) + (xTestGoFiles?.count ?? 0) }
}

/// The main module, as `go list -m -json` describes it.
public struct GoModule: Sendable, Hashable, Decodable {
  /// The module path, e.g. `example.com/demo`.
  public var path: String
  /// The module root directory (absent outside a module).
  public var dir: String?

  enum CodingKeys: String, CodingKey {
    case path = "Path"
    case dir = "Dir"
  }
}
