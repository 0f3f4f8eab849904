import Testing
@Test func placeholderCovEngineTests() { #expect(Bool(true)) }
