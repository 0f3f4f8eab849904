/// Reads one snippet from its resource directory, `NAME/NAME.go` and `NAME/NAME_test.go`.
enum GoSnippetResource {
  /// The package name every snippet resource declares (the generator writes its own).
  static let packageName = "snippet"

  /// The snippet in `root/name`.
  ///
  /// A test case's imports are the test file's imports its body refers to (see ``GoReferences``);
  /// `testing` is left out because ``GoSource`` always adds it.
  static func snippet(named name: String, in root: String) throws(BenchError) -> GoSnippet {
    let code = try GoSourceFile(path: "\(root)/\(name)/\(name).go")
    let tests = try GoSourceFile(path: "\(root)/\(name)/\(name)_test.go")
    for file in [code, tests] where file.packageName != packageName {
      throw GoSourceFile.malformed(file.path, line: 1, "expected `package \(packageName)`")
    }
    guard !code.body.isEmpty else { throw GoSourceFile.malformed(code.path, line: 1, "no code after the imports") }
    let codeText = code.body.joined(separator: "\n")
    let codeUses = GoReferences.qualifiers(in: codeText)
    for path in code.imports where !codeUses.contains(GoReferences.packageName(ofImport: path)) {
      throw GoSourceFile.malformed(code.path, line: 1, "import \"\(path)\" is not used as a package name")
    }

    let available = tests.imports.filter { $0 != "testing" }
    let cases = try tests.testCaseBodies().map { body in
      let uses = GoReferences.qualifiers(in: body)
      return GoTestCase(available.filter { uses.contains(GoReferences.packageName(ofImport: $0)) }, body)
    }
    guard !cases.isEmpty else { throw GoSourceFile.malformed(tests.path, line: 1, "no TestCase1") }
    let used = Set(cases.flatMap(\.imports))
    for path in available where !used.contains(path) {
      throw GoSourceFile.malformed(tests.path, line: 1, "import \"\(path)\" is not used by any test case")
    }
    return GoSnippet(name: name, imports: code.imports, code: codeText, cases: cases)
  }
}
