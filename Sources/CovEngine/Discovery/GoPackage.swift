/// A package as `go list -json` describes it (the fields CovBot reads).
public struct GoPackage: Sendable, Hashable, Decodable {
  /// A `go list` error attached to a package (with `-e`).
  public struct PackageError: Sendable, Hashable, Decodable {
    /// The error text.
    public var Err: String
  }

  /// The import path.
  public var ImportPath: String
  /// The absolute package directory (absent when `go list -e` could not find the package).
  public var Dir: String?
  /// The package name.
  public var Name: String?
  /// Non-test Go files (these carry the statements that count).
  public var GoFiles: [String]?
  /// Cgo files (also instrumented).
  public var CgoFiles: [String]?
  /// In-package test files.
  public var TestGoFiles: [String]?
  /// External (`_test` package) test files.
  public var XTestGoFiles: [String]?
  /// Set when `go list -e` could not load the package.
  public var Error: PackageError?

  /// The absolute package directory, or `""` when go could not find it.
  public var directory: String { Dir ?? "" }

  /// Whether the package has any test files.
  public var hasTests: Bool { !(TestGoFiles ?? []).isEmpty || !(XTestGoFiles ?? []).isEmpty }

  /// The package's non-test source files, sorted.
  public var sourceFiles: [String] { ((GoFiles ?? []) + (CgoFiles ?? [])).sorted() }
}

/// The main module, as `go list -m -json` describes it.
public struct GoModule: Sendable, Hashable, Decodable {
  /// The module path, e.g. `example.com/demo`.
  public var Path: String
  /// The module root directory (absent outside a module).
  public var Dir: String?
}
