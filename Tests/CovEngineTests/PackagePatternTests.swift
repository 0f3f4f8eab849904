import CovEngine
import Testing

@Suite struct PackagePatternTests {
  @Test(arguments: [
    ("./internal/...", "example.com/m/internal", true),
    ("./internal/...", "example.com/m/internal/x/y", true),
    ("./internal/...", "example.com/m/internalx", false),
    ("./...", "example.com/m", true),
    (".", "example.com/m", true),
    (".", "example.com/m/a", false),
    ("./gen", "example.com/m/gen", true),
    ("./gen/", "example.com/m/gen", true),
    ("example.com/m/.../mocks", "example.com/m/a/b/mocks", true),
    ("example.com/m/.../mocks", "example.com/m/a/b/mocks2", false),
    ("example.com/m/cmd/...", "example.com/m/cmd", true),
    ("...", "anything/at/all", true),
  ])
  func matchesLikeTheGoCommand(pattern: String, importPath: String, matches: Bool) {
    #expect(PackagePattern(pattern, modulePath: "example.com/m").matches(importPath) == matches)
  }
}
