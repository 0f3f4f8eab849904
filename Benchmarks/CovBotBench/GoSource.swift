/// Renders the Go files of a generated package.
enum GoSource {
  /// The header every generated file starts with (deliberately not a `Code generated` marker, which
  /// coverage tools may treat specially).
  static let header = "// Written by covbot-bench as benchmark input.\n\n"

  /// A code file holding `snippet`.
  static func codeFile(package: String, snippet: GoSnippet) -> String {
    header + "package \(package)\n\n" + importBlock(snippet.imports) + snippet.code + "\n"
  }

  /// A test file with one test function per case.
  static func testFile(package: String, prefix: String, cases: [GoTestCase]) -> String {
    let imports = Set(cases.flatMap(\.imports)).union(["testing"]).sorted()
    var text = header + "package \(package)\n\n" + importBlock(imports)
    for (number, testCase) in cases.enumerated() {
      if number > 0 { text += "\n" }
      text += "func Test\(prefix)\(number + 1)(t *testing.T) {\n"
      text += indented(testCase.body)
      text += "}\n"
    }
    return text
  }

  /// `Tag`, which every package has and dependent packages call.
  static func tagFile(package: String) -> String {
    header
      + tabIndented(
        """
        // Package \(package) is benchmark input for covbot.
        package \(package)

        // Tag labels s with the package name.
        func Tag(s string) string {
          if s == "" {
            return "\(package)"
          }
          return "\(package):" + s
        }

        """)
  }

  /// `Combine`, which calls `Tag` of each dependency.
  static func combineFile(package: String, dependencies: [String]) -> String {
    let calls = dependencies.map { "\($0.split(separator: "/").last!).Tag(s)" }.joined(separator: ", ")
    return header + "package \(package)\n\n" + importBlock(dependencies.sorted() + ["strings"])
      + tabIndented(
        """
        // Combine tags s with this package and the packages it builds on.
        func Combine(s string) string {
          out := Tag(s)
          for _, tag := range []string{\(calls)} {
            if strings.HasSuffix(out, tag) {
              continue
            }
            out += "|" + tag
          }
          if len(out) > 48 {
            return out[:48]
          }
          return out
        }

        """)
  }

  /// Tests of `Tag`, and of `Combine` when asked.
  static func tagTestFile(package: String, testsCombine: Bool) -> String {
    var text = header + "package \(package)\n\n" + importBlock(testsCombine ? ["strings", "testing"] : ["testing"])
    text += tabIndented(
      """
      func TestTag(t *testing.T) {
        if Tag("") != "\(package)" || Tag("a") != "\(package):a" {
          t.Fatal("Tag")
        }
      }

      """)
    if testsCombine {
      text += tabIndented(
        """

        func TestCombine(t *testing.T) {
          if got := Combine("x"); !strings.HasPrefix(got, "\(package):x|") {
            t.Fatalf("got %q", got)
          }
        }

        """)
    }
    return text
  }

  // Tabs, as gofmt indents, so the generated files are gofmt-clean: snippet code and test bodies come
  // gofmt-formatted from the resources, and the templates above are rewritten by tabIndented.
  private static func importBlock(_ imports: [String]) -> String {
    guard !imports.isEmpty else { return "" }
    return "import (\n" + imports.map { "\t\"\($0)\"\n" }.joined() + ")\n\n"
  }

  private static func indented(_ body: String) -> String {
    body.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "\n" : "\t\($0)\n" }.joined()
  }

  /// `text` with each line's leading two-space steps turned into tabs: the templates here stay
  /// readable in Swift and still come out as gofmt writes Go.
  private static func tabIndented(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      let steps = line.prefix { $0 == " " }.count / 2
      return String(repeating: "\t", count: steps) + line.dropFirst(steps * 2)
    }.joined(separator: "\n")
  }
}
