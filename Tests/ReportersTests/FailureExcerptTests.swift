import Testing

@testable import Reporters

@Suite struct FailureExcerptTests {
  @Test func aPanicKeepsItsHeadlineNotJustTheStackTail() {
    let stack = (1...200).map { "\tframe \($0)" }
    let text = (["=== RUN   TestX", "--- FAIL: TestX (0.00s)", "panic: boom [recovered]"] + stack).joined(
      separator: "\n")
    let lines = FailureExcerpt.lines(of: text, limit: 12)
    #expect(lines.count == 12)
    #expect(lines[0] == "--- FAIL: TestX (0.00s)")
    #expect(lines[1] == "panic: boom [recovered]")
    #expect(lines.last == "… 192 other lines left out")
  }

  @Test func aTimeoutKeepsItsHeadline() {
    let text = (["panic: test timed out after 5s", "\trunning tests:"] + (1...100).map { "g\($0)" })
      .joined(separator: "\n")
    #expect(FailureExcerpt.lines(of: text, limit: 5).first == "panic: test timed out after 5s")
  }

  @Test func otherwiseTheTailIsShown() {
    let text = (1...30).map { "line \($0)" }.joined(separator: "\n")
    let lines = FailureExcerpt.lines(of: text, limit: 5)
    #expect(lines == ["… 26 earlier lines left out", "line 27", "line 28", "line 29", "line 30"])
    #expect(FailureExcerpt.lines(of: "a\n\nb\n", limit: 5) == ["a", "b"])
  }
}

@Suite struct TerminalTextTests {
  @Test func namesLoseControlsAndShowLineBreaks() {
    #expect(TerminalText.line("m/p\n::warning::x\u{1B}[31m\u{7}") == "m/p\\n::warning::x")
  }

  @Test func blocksKeepLinesButNotEscapes() {
    #expect(TerminalText.block("a\u{1B}[2J\nb\u{0}") == "a\nb")
  }

  @Test func fencesHaveAFreshTokenAndEnclose() throws {
    let fenced = WorkflowCommands.fenced("::warning::x\n", enabled: true)
    let lines = fenced.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    let token = String(try #require(lines.first).dropFirst("::stop-commands::".count))
    #expect(lines[0] == "::stop-commands::\(token)" && lines[2] == "::\(token)::" && token.count >= 16)
    #expect(WorkflowCommands.fenced("x", enabled: true) != WorkflowCommands.fenced("x", enabled: true))
    #expect(WorkflowCommands.fenced("x", enabled: false) == "x")
  }
}
