import Testing
@Test func placeholderReportersTests() { #expect(Bool(true)) }
