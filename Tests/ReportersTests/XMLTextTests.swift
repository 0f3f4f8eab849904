import Testing

@testable import Reporters

@Suite struct XMLTextTests {
  @Test(arguments: [
    ("plain", "plain"),
    ("tab\tnewline\ncr\r", "tab\tnewline\ncr\r"),
    ("\u{1B}[31mred", "\u{FFFD}[31mred"),
    ("nul\u{0}bell\u{7}del\u{7F}", "nul\u{FFFD}bell\u{FFFD}del\u{7F}"),
    ("\u{FFFE}\u{FFFF}\u{FFFD}", "\u{FFFD}\u{FFFD}\u{FFFD}"),
    ("emoji 🧪 and CJK 測試", "emoji 🧪 and CJK 測試"),
  ])
  func forbiddenScalarsBecomeTheReplacementCharacter(input: String, expected: String) {
    #expect(XMLText.sanitized(input) == expected)
  }

  @Test func invalidUTF8IsRepaired() {
    let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xE2, 0x82, 0x1B]
    #expect(XMLText.sanitized(String(decoding: bytes, as: UTF8.self)) == "a\u{FFFD}b\u{FFFD}\u{FFFD}")
  }

  @Test(arguments: [
    ("no terminator", ["no terminator"]),
    ("a]]>b", ["a]]", ">b"]),
    ("]]>]]>", ["]]", ">]]", ">"]),
    ("a]]]>b", ["a]]]", ">b"]),
    ("]] >", ["]] >"]),
  ])
  func cdataIsSplitAtTerminators(input: String, expected: [String]) {
    let pieces = XMLText.cdataPieces(input)
    #expect(pieces == expected)
    #expect(pieces.joined() == input)
    #expect(pieces.allSatisfy { !$0.contains("]]>") })
  }
}
