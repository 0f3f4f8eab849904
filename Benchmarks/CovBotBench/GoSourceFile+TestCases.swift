extension GoSourceFile {
  /// The bodies of the file's `func TestCaseN(t *testing.T) {` functions (N = 1, 2, … in order), each
  /// without the one tab of indentation gofmt gives it and without a trailing newline.
  ///
  /// A function ends at the first `}` at column 0: gofmt indents everything inside it, so that line
  /// can only be its end. Comments between the functions are allowed; any other top-level
  /// declaration is refused, because the generator would silently drop it.
  func testCaseBodies() throws(BenchError) -> [String] {
    var bodies: [String] = []
    var index = 0
    while index < body.count {
      let line = body[index]
      index += 1
      if line.isEmpty || line.hasPrefix("//") { continue }
      let number = bodies.count + 1
      let opening = "func TestCase\(number)(t *testing.T) {"
      guard line == opening else {
        throw Self.malformed(
          path, line: bodyFirstLine + index - 1,
          "expected `\(opening)` (only TestCase1, TestCase2, … in order at top level), found `\(line)`")
      }
      var statements: [String] = []
      while true {
        guard index < body.count else {
          throw Self.malformed(path, line: bodyFirstLine + index - 1, "TestCase\(number) has no `}` at column 0")
        }
        let statement = body[index]
        index += 1
        if statement == "}" { break }
        if statement.isEmpty {
          statements.append("")
        } else if statement.hasPrefix("\t") {
          statements.append(String(statement.dropFirst()))
        } else {
          // Also catches multi-line raw strings, whose lines the generator would re-indent.
          throw Self.malformed(path, line: bodyFirstLine + index - 1, "TestCase\(number) has an unindented line")
        }
      }
      guard statements.contains(where: { !$0.isEmpty }) else {
        throw Self.malformed(path, line: bodyFirstLine + index - 1, "TestCase\(number) is empty")
      }
      bodies.append(statements.joined(separator: "\n"))
    }
    return bodies
  }
}
