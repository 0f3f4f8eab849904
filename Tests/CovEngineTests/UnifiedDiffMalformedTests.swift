import CovEngine
import Testing

/// A malformed diff and the line its error must name.
struct MalformedDiff: Sendable, CustomTestStringConvertible {
  var name: String
  var diff: String
  var line: Int
  var reasonContains: String

  var testDescription: String { name }
}

@Suite struct UnifiedDiffMalformedTests {
  static let cases: [MalformedDiff] = [
    MalformedDiff(
      name: "hunk body shorter than its header, then the next file",
      diff: "--- a/a.go\n+++ b/a.go\n@@ -1,2 +1,3 @@\n-a\n+b\ndiff --git a/b.go b/b.go\n",
      line: 6, reasonContains: "still owes"),
    MalformedDiff(
      name: "hunk body longer than its header",
      diff: "--- a/a.go\n+++ b/a.go\n@@ -1 +1 @@\n-a\n+b\n+c\n",
      line: 6, reasonContains: "hunk at line 3"),
    MalformedDiff(
      name: "more new lines than announced inside the hunk",
      diff: "--- a/a.go\n+++ b/a.go\n@@ -1,2 +1 @@\n+b\n+c\n-a\n",
      line: 5, reasonContains: "more new lines"),
    MalformedDiff(
      name: "diff ends inside a hunk",
      diff: "--- a/a.go\n+++ b/a.go\n@@ -1,5 +1,5 @@\n a\n", line: 3, reasonContains: "ends inside"),
    MalformedDiff(
      name: "garbage where a hunk is expected",
      diff: "diff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\nhello\n", line: 4, reasonContains: "hunk header"),
    MalformedDiff(
      name: "garbage between hunks",
      diff: "--- a/a.go\n+++ b/a.go\n@@ -1 +1 @@\n-a\n+b\nthis is not a diff line\n", line: 6,
      reasonContains: "expected a hunk header or the next file"),
    MalformedDiff(
      name: "malformed hunk header",
      diff: "--- a/a.go\n+++ b/a.go\n@@ -1,x +1 @@\n", line: 3, reasonContains: "malformed hunk header"),
    MalformedDiff(
      name: "line number over Int32.max",
      diff: "--- a/a.go\n+++ b/a.go\n@@ -1 +2147483648 @@\n-a\n+b\n", line: 3, reasonContains: "2147483647"),
    MalformedDiff(
      name: "hunk reaching past Int32.max",
      diff: "--- a/a.go\n+++ b/a.go\n@@ -1 +2147483647,2 @@\n", line: 3, reasonContains: "past line"),
    MalformedDiff(
      name: "absurdly long number",
      diff: "--- a/a.go\n+++ b/a.go\n@@ -1 +99999999999999999999999 @@\n", line: 3,
      reasonContains: "malformed hunk header"),
    MalformedDiff(
      name: "hunks out of order",
      diff: "--- a/a.go\n+++ b/a.go\n@@ -5 +5 @@\n-a\n+b\n@@ -1 +1 @@\n-a\n+b\n", line: 6,
      reasonContains: "before the previous hunk"),
    MalformedDiff(
      name: "--- without +++", diff: "--- a/a.go\n@@ -1 +1 @@\n", line: 2, reasonContains: "+++"),
    MalformedDiff(
      name: "hunk without a file header", diff: "@@ -1 +1 @@\n-a\n+b\n", line: 1, reasonContains: "parseHunks"),
    MalformedDiff(
      name: "unknown line in a git header", diff: "diff --git a/a.go b/a.go\nwhatever\n", line: 2,
      reasonContains: "unexpected line"),
    MalformedDiff(
      name: "broken quoting", diff: "diff --git a/a.go b/a.go\n--- \"a/a\\q.go\"\n", line: 2,
      reasonContains: "badly quoted"),
    MalformedDiff(
      name: "text that is no diff at all", diff: "{\"json\": true}\n", line: 1, reasonContains: "no file header"),
    MalformedDiff(
      name: "deleted file whose hunk adds lines",
      diff: "--- a/a.go\n+++ /dev/null\n@@ -1 +1 @@\n-a\n+b\n", line: 1, reasonContains: "deleted file"),
    MalformedDiff(
      name: "ambiguous header names with spaces and no other source",
      diff: "diff --git a/x y.go b/z w.go\nold mode 100644\nnew mode 100755\n", line: 1,
      reasonContains: "cannot tell"),
    MalformedDiff(
      name: "custom prefix missing", diff: "--- x/a.go\n+++ b/a.go\n@@ -1 +1 @@\n-a\n+b\n", line: 1,
      reasonContains: "prefix"),
  ]

  @Test(arguments: cases)
  func namesTheLine(_ example: MalformedDiff) {
    let prefixes: DiffPathPrefixes =
      example.name == "custom prefix missing" ? .custom(source: "a/", destination: "b/") : .automatic
    let error = #expect(throws: UnifiedDiffError.self) {
      try UnifiedDiff.parse(example.diff, prefixes: prefixes)
    }
    #expect(error?.line == example.line)
    #expect(error?.reason.contains(example.reasonContains) == true, "\(error?.reason ?? "no error")")
  }

  @Test func hunksOnlyRefusesFileHeaders() {
    let error = #expect(throws: UnifiedDiffError.self) {
      try UnifiedDiff.parseHunks("@@ -1 +1 @@\n-a\n+b\ndiff --git a/x b/x\n", path: "x.go")
    }
    #expect(error?.line == 4)
  }

  @Test func hunksOnlyRefusesATruncatedHunk() {
    let error = #expect(throws: UnifiedDiffError.self) {
      try UnifiedDiff.parseHunks("@@ -1,3 +1,3 @@\n a\n", path: "x.go")
    }
    #expect(error?.line == 1)
  }

  /// Hostile bytes never trap: every prefix of a valid diff, and random mutations, either parse
  /// or throw.
  @Test func neverTrapsOnTruncationsAndMutations() {
    let valid = """
      diff --git "a/caf\\303\\251.go" "b/caf\\303\\251.go"
      index b68fde2..de98044 100644
      --- "a/caf\\303\\251.go"
      +++ "b/caf\\303\\251.go"
      @@ -1 +1,2 @@ func
      -k
      +a
      +b
      \\ No newline at end of file
      diff --git a/x y.go b/x z.go
      similarity index 100%
      rename from x y.go
      rename to x z.go
      """
    let bytes = Array(valid.utf8)
    for end in 0...bytes.count {
      _ = try? UnifiedDiff.parse(String(decoding: bytes[..<end], as: UTF8.self))
    }
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("@-+ \\\"\n\r,0123456789abd/".utf8) + [0, 0xFF, 0xC3]
    for _ in 0..<2000 {
      var mutated = bytes
      for _ in 0..<3 {
        let index = Int.random(in: 0..<mutated.count, using: &generator)
        mutated[index] = alphabet.randomElement(using: &generator) ?? 0
      }
      _ = try? UnifiedDiff.parse(String(decoding: mutated, as: UTF8.self))
    }
  }
}
