import Testing

@testable import Reporters

@Suite struct MarkdownTextTests {
  @Test(arguments: [
    ("example.com/demo/pkg", "example.com/demo/pkg"),
    ("a|b", #"a\|b"#),
    ("`code`", #"\`code\`"#),
    ("*bold* _em_", #"\*bold\* \_em\_"#),
    ("[link](http://x)", #"\[link\]\(http://x\)"#),
    ("<script>&amp;", "&lt;script&gt;&amp;amp;"),
    ("line one\nline two\r\n", "line one line two "),
    ("back\\slash", #"back\\slash"#),
    ("~~strike~~ #1 $x$ !img {b}", ##"\~\~strike\~\~ \#1 \$x\$ \!img \{b\}"##),
    ("\u{1B}[31mred\u{1B}[0m", "red"),
    ("nul\u{0}bell\u{7}", "nulbell"),
    ("*\u{301}combining", "\\*\u{301}combining"),
  ])
  func escapesInlineMarkdown(input: String, expected: String) {
    #expect(MarkdownText.escape(input) == expected)
  }

  @Test func longTextIsCut() {
    #expect(MarkdownText.escape(String(repeating: "a", count: 20), limit: 5) == "aaaaa…")
    #expect(MarkdownText.escape("abcde", limit: 5) == "abcde")
  }

  @Test(arguments: ["plain", "has ``` fence", "has ```` longer", "`"])
  func codeBlocksCannotBeClosedByTheirContent(body: String) {
    let block = MarkdownText.codeBlock(body)
    let fence = String(block.prefix { $0 == "`" })
    #expect(fence.count >= 3)
    #expect(block.hasSuffix("\n" + fence))
    let inner = block.dropFirst(fence.count + 1).dropLast(fence.count + 1)
    #expect(!inner.contains(fence))
    #expect(String(inner) == body)
  }

  @Test(arguments: [(0.0, "±0.0"), (0.04, "±0.0"), (1.25, "+1.3"), (-3.21, "−3.2"), (-0.06, "−0.1"), (12.0, "+12.0")])
  func pointsHaveASign(value: Double, expected: String) {
    #expect(MarkdownText.points(value) == expected)
  }

  @Test(arguments: [(0, "0"), (999, "999"), (1_000, "1,000"), (1_234_567, "1,234,567"), (-5_000, "-5,000")])
  func numbersAreGrouped(value: Int, expected: String) {
    #expect(MarkdownText.grouped(value) == expected)
  }

  @Test func linkDestinationsCannotEscapeTheLink() {
    #expect(
      MarkdownText.linkDestination("https://x/a b)(<c>\n") == "https://x/a%20b%29%28%3Cc%3E")
  }

  @Test(arguments: [
    ("ping @octocat", "ping @&#8203;octocat"), ("@org/team please", "@&#8203;org/team please"),
    ("@1st", "@&#8203;1st"), ("a @ b", "a @ b"), ("trailing @", "trailing @"), ("@@x", "@@&#8203;x"),
  ])
  func mentionsAreNeutralised(input: String, expected: String) {
    #expect(MarkdownText.escape(input) == expected)
  }

  @Test(arguments: [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069])
  func bidiControlsAreShownNotApplied(value: UInt32) throws {
    let scalar = try #require(Unicode.Scalar(value))
    let name = "<U+" + String(value, radix: 16, uppercase: true) + ">"
    let text = "admin\(scalar)txt.go"
    let entities = "&lt;U+" + String(value, radix: 16, uppercase: true) + "&gt;"
    #expect(MarkdownText.escape(text) == "admin\(entities)txt.go")
    #expect(MarkdownText.codeBlock(text) == "```\nadmin\(name)txt.go\n```")
    #expect(MarkdownText.revealingBidi(text) == "admin\(name)txt.go")
  }

  @Test func aCodeBlockKeepsItsFenceAgainstHostileOutput() {
    let block = MarkdownText.codeBlock("x\n```\n@team \u{202E}\n``````\ny")
    #expect(block.hasPrefix("```````\n") && block.hasSuffix("\n```````"))
    #expect(block.contains("@team <U+202E>"))
  }
}
