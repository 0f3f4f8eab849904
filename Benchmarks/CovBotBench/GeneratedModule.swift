/// A Go module written by ``GoModuleGenerator``.
struct GeneratedModule: Sendable {
  /// The module root (absolute).
  var dir: String
  /// The module path, e.g. `example.com/covbench`.
  var modulePath: String
  /// The packages, in generation order.
  var packages: [GeneratedPackage]
}

/// One package of a ``GeneratedModule``.
struct GeneratedPackage: Sendable {
  /// The import path.
  var importPath: String
  /// The package name (also its directory's last element).
  var name: String
  /// The directory relative to the module root.
  var dir: String
  /// The snippets its code is made of.
  var snippets: [String]
  /// Import paths of the module's own packages it depends on.
  var dependencies: [String]
  /// How many test functions it has (0: no `_test.go` file at all).
  var testCount: Int
}
