import Testing
@Test func placeholderCovBotTests() { #expect(Bool(true)) }
