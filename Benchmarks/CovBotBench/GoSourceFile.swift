import Foundation

/// One gofmt-formatted Go file of a snippet resource, split the way ``GoSource`` reassembles it: the
/// package clause, the import paths and the lines after the imports.
///
/// This is deliberately not a Go parser. It reads the layout gofmt gives a file (leading comments, a
/// `package` line, then one `import (` … `)` block or single `import "path"` lines) and refuses
/// anything else, such as named or dot imports the generator could not carry over, so a resource it
/// would mangle fails loudly instead.
struct GoSourceFile: Sendable {
  /// The file's path, for error messages.
  var path: String
  /// The name in the `package` clause.
  var packageName: String
  /// The import paths, in file order.
  var imports: [String]
  /// The lines after the imports, without leading and trailing blank lines.
  var body: [String]
  /// The 1-based line number of `body[0]` in the file.
  var bodyFirstLine: Int

  /// Reads and splits the file at `path`.
  init(path: String) throws(BenchError) {
    let next = "Every snippet listed in Resources/snippets/catalog.txt needs NAME/NAME.go and NAME/NAME_test.go."
    guard FileManager.default.fileExists(atPath: path) else {
      throw BenchError("snippet resource \(path) is missing", next: next)
    }
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw BenchError("snippet resource \(path) is unreadable: \(error)", next: next)
    }
    try self.init(text: text, path: path)
  }

  /// Splits `text`, the contents of the file at `path`.
  init(text: String, path: String) throws(BenchError) {
    self.path = path
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var index = 0
    while index < lines.count, lines[index].isEmpty || lines[index].hasPrefix("//") { index += 1 }
    guard index < lines.count, lines[index].hasPrefix("package ") else {
      throw Self.malformed(path, line: index + 1, "expected the package clause")
    }
    packageName = String(lines[index].dropFirst("package ".count))
    index += 1

    imports = []
    while index < lines.count {
      let line = lines[index]
      if line.isEmpty {
        index += 1
      } else if line == "import (" {
        index += 1
        while true {
          guard index < lines.count else { throw Self.malformed(path, line: index, "unterminated import block") }
          let entry = lines[index].trimmingCharacters(in: .whitespaces)
          index += 1
          if entry == ")" { break }
          if entry.isEmpty { continue }
          imports.append(try Self.importPath(entry, path: path, line: index))
        }
      } else if line.hasPrefix("import ") {
        index += 1
        imports.append(try Self.importPath(String(line.dropFirst("import ".count)), path: path, line: index))
      } else {
        break
      }
    }

    var end = lines.count
    while end > index, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
    body = Array(lines[index..<end])
    bodyFirstLine = index + 1
  }

  /// An error about line `line` of the file at `path`.
  static func malformed(_ path: String, line: Int, _ problem: String) -> BenchError {
    BenchError(
      "malformed snippet resource \(path):\(line): \(problem)",
      next: "Keep the file gofmt-formatted and laid out as Resources/snippets/README.md describes.")
  }

  /// The path of one import spec, which must be a plain quoted path (the generator writes imports
  /// without names, so a named, dot or blank import could not be carried over).
  private static func importPath(_ spec: String, path: String, line: Int) throws(BenchError) -> String {
    let quoted = spec.hasPrefix("\"") && spec.hasSuffix("\"") && spec.count >= 2
    let inner = quoted ? String(spec.dropFirst().dropLast()) : ""
    guard !inner.isEmpty, !inner.contains(where: { $0 == "\"" || $0 == " " }) else {
      throw malformed(path, line: line, "only plain imports like \"net/http\" are supported, not `\(spec)`")
    }
    return inner
  }
}
