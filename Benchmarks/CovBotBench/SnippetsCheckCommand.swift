import ArgumentParser
import Foundation

/// `covbot-bench snippets`: the self-check of the Go snippet resources the generated modules are made of.
struct SnippetsCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snippets",
    abstract: "Load the Go snippets from the resources; exit 2 when one is missing or malformed.",
    discussion: """
      Checks what the generator relies on: catalog.txt lists every snippet directory once, each has
      NAME.go and NAME_test.go in package snippet with plain imports, the code uses every import, and
      the test file holds TestCase1, TestCase2, … whose bodies use every test import. Whether the Go
      compiles is go's job: go vet ./... in Resources/snippets (see the README there).
      """)

  @Option(help: "The snippets directory to check (default: the one bundled with covbot-bench).")
  var dir: String?

  @Flag(help: "Also list each test case's imports.")
  var cases = false

  @Option(help: "Also write a generated module to DIR (replacing it), e.g. to go test it.")
  var writeModule: String?

  @Option(help: "Packages in the module --write-module writes (at least 2).")
  var packages = 48

  func run() throws {
    let snippets: [GoSnippet]
    do {
      snippets = try GoSnippetCatalog.load(from: dir)
    } catch {
      FileHandle.standardError.write(Data("covbot-bench: \(error)\n".utf8))
      throw ExitCode(2)
    }
    for snippet in snippets {
      print("\(snippet.name): imports \(snippet.imports.joined(separator: " ")); \(snippet.cases.count) test cases")
      guard cases else { continue }
      for (number, testCase) in snippet.cases.enumerated() {
        print("  case \(number + 1): \(testCase.imports.sorted().joined(separator: " "))")
      }
    }
    print("\(snippets.count) snippets, \(snippets.map(\.cases.count).reduce(0, +)) test cases: ok")
    guard let writeModule else { return }
    guard packages >= 2 else { throw ValidationError("--packages must be at least 2.") }
    let module = try GoModuleGenerator(packageCount: packages).write(to: writeModule)
    print("wrote \(module.packages.count) packages to \(module.dir)")
  }
}
