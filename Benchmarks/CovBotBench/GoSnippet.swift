/// One Go source file the module generator can put into a package, with tests for some of its branches.
///
/// Snippets are written as Go under `Resources/snippets/` and read by ``GoSnippetCatalog``.
///
/// A snippet uses its imports for real work, so the generated packages pull in realistic, shared
/// standard-library dependency graphs. Each test case exercises one branch; the generator picks a
/// subset of them per package, which makes coverage partial and different from package to package.
struct GoSnippet: Sendable {
  /// The file stem (`handler` → `handler.go`, `handler_test.go`); unique in the catalog.
  var name: String
  /// Import paths of the code file (every one is used).
  var imports: [String]
  /// The code, without the `package` clause and imports.
  var code: String
  /// Test cases, each one test function's body.
  var cases: [GoTestCase]

  /// The exported-identifier prefix used for test function names (`handler` → `Handler`).
  var testPrefix: String { name.prefix(1).uppercased() + name.dropFirst() }
}

/// One Go test function body and the imports it needs besides `testing`.
struct GoTestCase: Sendable {
  /// Import paths the body uses.
  var imports: [String]
  /// Statements run with `t *testing.T` in scope.
  var body: String

  /// Creates a test case that needs imports besides `testing`.
  init(_ imports: [String], _ body: String) {
    self.imports = imports
    self.body = body
  }

  /// Creates a test case that needs no imports besides `testing`.
  init(_ body: String) {
    self.init([], body)
  }
}
