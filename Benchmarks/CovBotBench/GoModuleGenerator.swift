import Foundation

/// Writes a deterministic Go module of `packageCount` packages for the benchmark.
///
/// Each package combines three to five ``GoSnippet``s (so packages import different but overlapping
/// sets of heavy standard-library packages), gets tests for a random subset of the snippets' branches
/// (coverage lands between about 30 and 97 percent), and every fourth package depends on one or two
/// earlier ones. The last package has no tests at all.
struct GoModuleGenerator: Sendable {
  /// The module path.
  var modulePath = "example.com/covbench"
  /// How many packages to write (at least 2).
  var packageCount: Int
  /// The seed of the generator's choices.
  var seed: UInt64 = 0xC0FB_0704

  /// Replaces `dir` with a fresh module and describes what was written.
  func write(to dir: String) throws(BenchError) -> GeneratedModule {
    let catalog = try GoSnippetCatalog.load()
    let files = FileManager.default
    do {
      if files.fileExists(atPath: dir) { try files.removeItem(atPath: dir) }
      try files.createDirectory(atPath: dir, withIntermediateDirectories: true)
      try write("module \(modulePath)\n\ngo 1.22\n", to: "\(dir)/go.mod")
      var random = SeededGenerator(seed: seed)
      var packages: [GeneratedPackage] = []
      for index in 0..<packageCount {
        let package = try writePackage(
          index: index, catalog: catalog, earlier: packages, in: dir, random: &random)
        packages.append(package)
      }
      return GeneratedModule(dir: dir, modulePath: modulePath, packages: packages)
    } catch let error as BenchError {
      throw error
    } catch {
      throw BenchError("could not write the Go module in \(dir): \(error)", next: "Check that --work-dir is writable.")
    }
  }

  private func packageName(_ index: Int) -> String {
    packageCount > 100 ? String(format: "p%03d", index) : String(format: "p%02d", index)
  }

  private func writePackage(
    index: Int, catalog: [GoSnippet], earlier: [GeneratedPackage], in moduleDir: String,
    random: inout SeededGenerator
  ) throws -> GeneratedPackage {
    let name = packageName(index)
    let relativeDir = "pkg/\(name)"
    let dir = "\(moduleDir)/\(relativeDir)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let hasTests = index != packageCount - 1

    // Snippets: one chosen round-robin (so every snippet is used), the rest at random.
    var chosen = [catalog[index % catalog.count]]
    let wanted = 3 + Int(random.next() % 3)
    while chosen.count < wanted {
      let candidate = catalog[Int(random.next() % UInt64(catalog.count))]
      if !chosen.contains(where: { $0.name == candidate.name }) { chosen.append(candidate) }
    }
    let level = 0.5 + 0.5 * random.unit()

    // Dependencies on earlier packages (never on the untested last one: it comes last).
    var dependencies: [GeneratedPackage] = []
    if index % 4 == 3 {
      let count = 1 + Int(random.next() % 2)
      while dependencies.count < min(count, earlier.count) {
        let candidate = earlier[Int(random.next() % UInt64(earlier.count))]
        if !dependencies.contains(where: { $0.name == candidate.name }) { dependencies.append(candidate) }
      }
    }

    try write(GoSource.tagFile(package: name), to: "\(dir)/tag.go")
    if !dependencies.isEmpty {
      let file = GoSource.combineFile(package: name, dependencies: dependencies.map(\.importPath))
      try write(file, to: "\(dir)/combine.go")
    }
    var testCount = 0
    for (position, snippet) in chosen.enumerated() {
      try write(GoSource.codeFile(package: name, snippet: snippet), to: "\(dir)/\(snippet.name).go")
      guard hasTests, position == 0 || random.unit() >= 0.12 else { continue }
      var cases = snippet.cases.filter { _ in random.unit() < level }
      if position == 0 && cases.isEmpty { cases = [snippet.cases[0]] }
      guard !cases.isEmpty else { continue }
      let file = GoSource.testFile(package: name, prefix: snippet.testPrefix, cases: cases)
      try write(file, to: "\(dir)/\(snippet.name)_test.go")
      testCount += cases.count
    }
    if hasTests && (random.unit() < level || !dependencies.isEmpty) {
      let testsCombine = !dependencies.isEmpty && random.unit() < level
      try write(GoSource.tagTestFile(package: name, testsCombine: testsCombine), to: "\(dir)/tag_test.go")
      testCount += testsCombine ? 2 : 1
    }
    return GeneratedPackage(
      importPath: "\(modulePath)/\(relativeDir)", name: name, dir: relativeDir, snippets: chosen.map(\.name),
      dependencies: dependencies.map(\.importPath), testCount: testCount)
  }

  private func write(_ text: String, to path: String) throws {
    try text.write(toFile: path, atomically: false, encoding: .utf8)
  }
}
