import Testing
@Test func placeholderGitHubTests() { #expect(Bool(true)) }
