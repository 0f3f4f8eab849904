import Foundation
import Testing

@testable import Reporters

@Suite struct TemplateLibraryTests {
  @Test func bundledTemplatesLoadWithoutADirectory() throws {
    let library = try TemplateLibrary(directory: nil)
    #expect(Set(library.names) == Set(BundledTemplates.all.keys))
    #expect(library.names.allSatisfy { library.file(of: $0) == nil })
  }

  @Test func aMissingDirectoryIsAnErrorNotAnEmptyLibrary() {
    let error = #expect(throws: TemplateError.self) { try TemplateLibrary(directory: "/nonexistent/covbot-templates") }
    #expect(
      error?.description
        == "template directory /nonexistent/covbot-templates: does not exist. Check the path given to --template-dir.")
  }

  @Test func aFileIsNotADirectory() throws {
    let directory = try TemporaryDirectory()
    try directory.write("file", "x")
    let error = #expect(throws: TemplateError.self) { try TemplateLibrary(directory: directory.path + "/file") }
    #expect(error?.reason == "is not a directory")
  }

  @Test func aSyntaxErrorNamesTheFileAndLine() throws {
    let directory = try TemporaryDirectory()
    try directory.write(
      "summary.md.mustache", "{{%CONTENT_TYPE: TEXT}}\nfine\n{{#packages.rows}}\n| {{package}} |\n{{/rows}}\n")
    let error = #expect(throws: TemplateError.self) { try TemplateLibrary(directory: directory.path) }
    #expect(error?.template == "summary.md")
    #expect(error?.file == directory.path + "/summary.md.mustache")
    #expect(error?.line == 5)
    #expect(error?.description.contains("summary.md.mustache:5:") == true)
    #expect(error?.description.contains("does not match the section it closes") == true)
  }

  @Test func lineNumbersCountFromTheUsersFileWhenTheDirectiveIsAdded() throws {
    let directory = try TemporaryDirectory()
    try directory.write("verdict.md.mustache", "one\ntwo {{#open}}\n")
    let error = #expect(throws: TemplateError.self) { try TemplateLibrary(directory: directory.path) }
    #expect(error?.template == "verdict.md")
    #expect(error?.reason.contains("never closed") == true)
    #expect(error?.line == 3)
  }

  @Test func aMissingPartialIsNamed() throws {
    let directory = try TemporaryDirectory()
    try directory.write("comment.md.mustache", "{{%CONTENT_TYPE: TEXT}}\n{{> verdict.md}}\n{{> no-such-partial.md}}\n")
    let error = #expect(throws: TemplateError.self) { try TemplateLibrary(directory: directory.path) }
    #expect(error?.template == "comment.md")
    #expect(error?.reason.contains("`no-such-partial.md`") == true)
    #expect(error?.reason.contains("in \(directory.path)") == true)
  }

  @Test func aNonUTF8TemplateIsAnError() throws {
    let directory = try TemporaryDirectory()
    try directory.write("footer.md.mustache", Data([0x66, 0xFF, 0xFE]))
    let error = #expect(throws: TemplateError.self) { try TemplateLibrary(directory: directory.path) }
    #expect(error?.reason == "is not valid UTF-8")
    #expect(error?.template == "footer.md")
  }

  @Test func renderingAnUnknownTemplateIsAnError() throws {
    let library = try TemplateLibrary(directory: nil)
    let error = #expect(throws: TemplateError.self) { try library.render([String: Any](), template: "nope.md") }
    #expect(error?.reason.hasPrefix("no such template (known: ") == true)
  }

  @Test func templatesWithoutTheDirectiveAreNotHTMLEscaped() throws {
    let directory = try TemporaryDirectory()
    try directory.write("plain.md.mustache", "{{text}} {{> child.md}}")
    try directory.write("child.md.mustache", "{{text}}")
    let library = try TemplateLibrary(directory: directory.path)
    #expect(
      try library.render(["text": "it's <b> & \"q\""], template: "plain.md") == "it's <b> & \"q\" it's <b> & \"q\"")
  }

  @Test(arguments: [
    ("{{> a}} {{>b.md}} {{>  c/d.md }}", ["a", "b.md", "c/d.md"]),
    ("{{< parent}}{{/parent}}", ["parent"]),
    ("{{>*dynamic}} {{name}} {{#x}}{{/x}}", []),
  ])
  func partialReferencesAreFound(text: String, expected: [String]) {
    #expect(TemplateLibrary.partialNames(in: text) == Set(expected))
  }
}
