import CovEngine
import Testing

@testable import Reporters

/// Links to changed files at the head commit: only from trustworthy parts, every path segment encoded.
@Suite struct SourceLinksTests {
  static let sha = String(repeating: "0a", count: 20)

  @Test func linksAFileAndItsLines() throws {
    let links = try #require(
      SourceLinks(serverURL: "https://ghe.example.com//", repository: "octo/demo", commit: Self.sha))
    let blob = "https://ghe.example.com/octo/demo/blob/\(Self.sha)"
    #expect(links.url(path: "a/b.go") == "\(blob)/a/b.go")
    #expect(links.url(path: "a/b.go", lines: LineRange(start: 12, end: 14)) == "\(blob)/a/b.go#L12-L14")
    #expect(links.url(path: "a/b.go", lines: LineRange(start: 7, end: 7)) == "\(blob)/a/b.go#L7")
  }

  @Test(arguments: [
    ("sp ace/x#y?.go", "sp%20ace/x%23y%3F.go"), ("a)b](c.go", "a%29b%5D%28c.go"),
    ("ünï/ç.go", "%C3%BCn%C3%AF/%C3%A7.go"),
    ("a|b`c<d>.go", "a%7Cb%60c%3Cd%3E.go"), ("x\u{202E}y.go", "x%E2%80%AEy.go"),
  ])
  func everySegmentIsPercentEncoded(path: String, encoded: String) throws {
    let links = try #require(SourceLinks(serverURL: "https://github.com", repository: "o/r", commit: Self.sha))
    #expect(links.url(path: path) == "https://github.com/o/r/blob/\(Self.sha)/\(encoded)")
  }

  @Test(arguments: [
    ("javascript:alert(1)", "o/r", SourceLinksTests.sha), ("https://x.example/a b", "o/r", SourceLinksTests.sha),
    ("https://github.com", "o", SourceLinksTests.sha),
    ("https://github.com", "o/r/x", SourceLinksTests.sha), ("https://github.com", "../r", SourceLinksTests.sha),
    ("https://github.com", "o/r?x", SourceLinksTests.sha),
    ("https://github.com", "o/r", "main"), ("https://github.com", "o/r", String(SourceLinksTests.sha.dropLast())),
    ("https://github.com", "o/r", String(repeating: "\u{FF10}", count: 40)),
  ])
  func untrustworthyPartsGiveNoLinks(server: String, repository: String, commit: String) {
    #expect(SourceLinks(serverURL: server, repository: repository, commit: commit) == nil)
  }
}
