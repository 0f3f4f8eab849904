import Foundation

/// The Go snippets generated packages are built from, read from the benchmark's resources.
///
/// Each snippet is a real Go package under `Resources/snippets/NAME/` (see the README there), so
/// gofmt formats it and the Go compiler checks it; `catalog.txt` lists them in the order the generator
/// draws from. Together they import the heavy parts of the standard library (net/http, crypto/tls,
/// crypto/x509, encoding/json, text/template, html/template, go/types, database/sql, compress/gzip,
/// regexp …), so a cold build cache has real work to do and packages share most of their dependency
/// graph.
enum GoSnippetCatalog {
  /// Every snippet in `dir` (default: the bundled `Resources/snippets`), in catalog order; refuses a
  /// missing, unlisted or malformed one, so the benchmark never runs on a silently different module.
  static func load(from dir: String? = nil) throws(BenchError) -> [GoSnippet] {
    let root: String
    if let dir { root = dir } else { root = try bundledDirectory() }
    let names = try catalogNames(in: root)
    var subdirectories: [String] = []
    do {
      subdirectories = try FileManager.default.contentsOfDirectory(atPath: root).filter { entry in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: "\(root)/\(entry)", isDirectory: &isDirectory)
          && isDirectory.boolValue
      }
    } catch {
      throw BenchError("cannot list the snippets in \(root): \(error)", next: "Rebuild covbot-bench.")
    }
    let unlisted = Set(subdirectories).subtracting(names).sorted()
    guard unlisted.isEmpty else {
      throw BenchError(
        "snippet directories missing from \(root)/catalog.txt: \(unlisted.joined(separator: ", "))",
        next: "List them in catalog.txt (appending keeps the modules generated so far) or remove them.")
    }
    var snippets: [GoSnippet] = []
    for name in names { snippets.append(try GoSnippetResource.snippet(named: name, in: root)) }
    return snippets
  }

  /// `Resources/snippets` inside the bundle SwiftPM builds next to the executable.
  private static func bundledDirectory() throws(BenchError) -> String {
    guard let url = Bundle.module.url(forResource: "snippets", withExtension: nil, subdirectory: "Resources") else {
      throw BenchError(
        "the Go snippets are missing from covbot-bench's resource bundle",
        next: "Rebuild covbot-bench with swift build; keep the covbot_CovBotBench bundle next to the binary.")
    }
    return url.path
  }

  /// The snippet names in `root/catalog.txt`: one a line, `#` comments and blank lines skipped.
  private static func catalogNames(in root: String) throws(BenchError) -> [String] {
    let path = "\(root)/catalog.txt"
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw BenchError("cannot read the snippet catalog \(path): \(error)", next: "Rebuild covbot-bench.")
    }
    let names = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    // Names become file names and, capitalized, parts of test function names.
    let invalid = names.filter { name in
      !(name.first.map { ("a"..."z").contains($0) } ?? false)
        || !name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }
    let duplicates = Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
    guard !names.isEmpty, invalid.isEmpty, duplicates.isEmpty else {
      throw BenchError(
        "bad snippet catalog \(path): no names, or invalid (\(invalid)) or duplicate (\(duplicates)) ones",
        next: "List each snippet directory once, as a lowercase Go identifier.")
    }
    return names
  }
}
