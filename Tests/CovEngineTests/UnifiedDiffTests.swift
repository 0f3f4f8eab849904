import CovEngine
import Testing

/// One diff and the files the parser must find in it.
struct DiffCase: Sendable, CustomTestStringConvertible {
  var name: String
  var diff: String
  var files: [FileDiff]
  var prefixes: DiffPathPrefixes = .automatic

  var testDescription: String { name }
}

@Suite struct UnifiedDiffTests {
  static let cases: [DiffCase] = [
    DiffCase(
      name: "modified file, hunk with counts and function context",
      diff: """
        diff --git a/pkg/a.go b/pkg/a.go
        index 1111111..2222222 100644
        --- a/pkg/a.go
        +++ b/pkg/a.go
        @@ -3,2 +3,3 @@ func x() {
        -old
        -old2
        +new3
        +new4
        +new5
        @@ -10 +11 @@
        -x
        +y
        """,
      files: [FileDiff(oldPath: "pkg/a.go", newPath: "pkg/a.go", status: .modified, addedLines: [3, 4, 5, 11])]),
    DiffCase(
      name: "context lines do not count",
      diff: """
        --- a/a.go
        +++ b/a.go
        @@ -1,4 +1,5 @@
         one
        -two
        +TWO
        +TWO-B
         three
         four
        """,
      files: [FileDiff(oldPath: "a.go", newPath: "a.go", status: .modified, addedLines: [2, 3])]),
    DiffCase(
      name: "new file from /dev/null with counts",
      diff: """
        diff --git a/n.go b/n.go
        new file mode 100644
        index 0000000..3e75765
        --- /dev/null
        +++ b/n.go
        @@ -0,0 +1,3 @@ func x
        +a
        +b
        +c
        """,
      files: [FileDiff(oldPath: nil, newPath: "n.go", status: .added, addedLines: [1, 2, 3])]),
    DiffCase(
      name: "deleted file contributes nothing",
      diff: """
        diff --git a/d.go b/d.go
        deleted file mode 100644
        index 3e75765..0000000
        --- a/d.go
        +++ /dev/null
        @@ -1,2 +0,0 @@
        -a
        -b
        """,
      files: [FileDiff(oldPath: "d.go", newPath: nil, status: .deleted)]),
    DiffCase(
      name: "empty new file has no ---/+++",
      diff: "diff --git a/empty.go b/empty.go\nnew file mode 100644\nindex 0000000..e69de29\n",
      files: [FileDiff(oldPath: nil, newPath: "empty.go", status: .added)]),
    DiffCase(
      name: "pure rename without ---/+++, names with spaces",
      diff: "diff --git a/x y.go b/x z.go\nsimilarity index 100%\nrename from x y.go\nrename to x z.go\n",
      files: [FileDiff(oldPath: "x y.go", newPath: "x z.go", status: .renamed)]),
    DiffCase(
      name: "rename with changes",
      diff: """
        diff --git a/old/a.go b/new/a.go
        similarity index 90%
        rename from old/a.go
        rename to new/a.go
        index 1111111..2222222 100644
        --- a/old/a.go
        +++ b/new/a.go
        @@ -7,0 +8,2 @@
        +x
        +y
        """,
      files: [FileDiff(oldPath: "old/a.go", newPath: "new/a.go", status: .renamed, addedLines: [8, 9])]),
    DiffCase(
      name: "copy",
      diff: """
        diff --git a/a.go b/c.go
        similarity index 95%
        copy from a.go
        copy to c.go
        --- a/a.go
        +++ b/c.go
        @@ -1 +1 @@
        -a
        +c
        """,
      files: [FileDiff(oldPath: "a.go", newPath: "c.go", status: .copied, addedLines: [1])]),
    DiffCase(
      name: "mode-only change",
      diff: "diff --git a/run.sh b/run.sh\nold mode 100644\nnew mode 100755\n",
      files: [FileDiff(oldPath: "run.sh", newPath: "run.sh", status: .modeOnly)]),
    DiffCase(
      name: "mode change with content is modified",
      diff: "diff --git a/r.go b/r.go\nold mode 100644\nnew mode 100755\n--- a/r.go\n+++ b/r.go\n@@ -1 +1 @@\n-a\n+b\n",
      files: [FileDiff(oldPath: "r.go", newPath: "r.go", status: .modified, addedLines: [1])]),
    DiffCase(
      name: "binary files differ",
      diff: """
        diff --git a/img.png b/img.png
        index 1111111..2222222 100644
        Binary files a/img.png and b/img.png differ
        diff --git a/a.go b/a.go
        --- a/a.go
        +++ b/a.go
        @@ -1 +1 @@
        -a
        +b
        """,
      files: [
        FileDiff(oldPath: "img.png", newPath: "img.png", status: .binary),
        FileDiff(oldPath: "a.go", newPath: "a.go", status: .modified, addedLines: [1]),
      ]),
    DiffCase(
      name: "GIT binary patch",
      diff: """
        diff --git a/b.bin b/b.bin
        new file mode 100644
        index 0000000000000000000000000000000000000000..1111111111111111111111111111111111111111
        GIT binary patch
        literal 5
        McmZQzWMXCj00Ep5MF0Q*

        literal 0
        HcmV?d00001

        diff --git a/a.go b/a.go
        --- a/a.go
        +++ b/a.go
        @@ -2,0 +3 @@
        +z
        """,
      files: [
        FileDiff(oldPath: nil, newPath: "b.bin", status: .binary),
        FileDiff(oldPath: "a.go", newPath: "a.go", status: .modified, addedLines: [3]),
      ]),
    DiffCase(
      name: "no newline at end of file markers",
      diff: """
        --- a/a.go
        +++ b/a.go
        @@ -1 +1 @@
        -a
        \\ No newline at end of file
        +b
        \\ No newline at end of file
        """,
      files: [FileDiff(oldPath: "a.go", newPath: "a.go", status: .modified, addedLines: [1])]),
    DiffCase(
      name: "CRLF line endings",
      diff: "diff --git a/w.go b/w.go\r\n--- a/w.go\r\n+++ b/w.go\r\n@@ -1,2 +1,2 @@\r\n a\r\n-b\r\n+c\r\n",
      files: [FileDiff(oldPath: "w.go", newPath: "w.go", status: .modified, addedLines: [2])]),
    DiffCase(
      name: "path with spaces and git's trailing tab",
      diff:
        "diff --git a/sp ace.go b/sp ace.go\nnew file mode 100644\n--- /dev/null\n+++ b/sp ace.go\t\n@@ -0,0 +1 @@\n+new\n",
      files: [FileDiff(oldPath: nil, newPath: "sp ace.go", status: .added, addedLines: [1])]),
    DiffCase(
      name: "quoted names with octal escapes",
      diff: """
        diff --git "a/caf\\303\\251.go" "b/caf\\303\\251.go"
        index b68fde2..de98044 100644
        --- "a/caf\\303\\251.go"
        +++ "b/caf\\303\\251.go"
        @@ -1 +1,2 @@
        -k
        +a
        +b
        """,
      files: [FileDiff(oldPath: "café.go", newPath: "café.go", status: .modified, addedLines: [1, 2])]),
    DiffCase(
      name: "quoted names with \\\", \\\\ and \\t, mode only",
      diff: "diff --git \"a/q\\\"u\\\\o\\tte.go\" \"b/q\\\"u\\\\o\\tte.go\"\nold mode 100644\nnew mode 100755\n",
      files: [FileDiff(oldPath: "q\"u\\o\tte.go", newPath: "q\"u\\o\tte.go", status: .modeOnly)]),
    DiffCase(
      name: "one quoted, one bare name in a rename header",
      diff:
        "diff --git a/plain.go \"b/t\\tab.go\"\nsimilarity index 100%\nrename from plain.go\nrename to \"t\\tab.go\"\n",
      files: [FileDiff(oldPath: "plain.go", newPath: "t\tab.go", status: .renamed)]),
    DiffCase(
      name: "--no-prefix diff",
      diff: "diff --git pkg/a.go pkg/a.go\n--- pkg/a.go\n+++ pkg/a.go\n@@ -1 +1 @@\n-a\n+b\n",
      files: [FileDiff(oldPath: "pkg/a.go", newPath: "pkg/a.go", status: .modified, addedLines: [1])]),
    DiffCase(
      name: "--no-prefix whose paths start with a/ and b/, told so",
      diff: "diff --git a/x.go b/x.go\nold mode 100644\nnew mode 100755\n",
      files: [FileDiff(oldPath: "a/x.go", newPath: "b/x.go", status: .modeOnly)],
      prefixes: .none),
    DiffCase(
      name: "--src-prefix/--dst-prefix",
      diff: "diff --git base/m.go head/m.go\n--- base/m.go\n+++ head/m.go\n@@ -1 +1 @@\n-a\n+b\n",
      files: [FileDiff(oldPath: "m.go", newPath: "m.go", status: .modified, addedLines: [1])],
      prefixes: .custom(source: "base/", destination: "head/")),
    DiffCase(
      name: "mnemonic prefixes and a header-only name with spaces",
      diff: "diff --git c/a b.go w/a b.go\nold mode 100644\nnew mode 100755\n",
      files: [FileDiff(oldPath: "a b.go", newPath: "a b.go", status: .modeOnly)]),
    DiffCase(
      name: "plain diff -u with timestamps and a commit message before it",
      diff: """
        From 1234 Mon Sep 17 00:00:00 2001
        Subject: [PATCH] change

        ---
         a.go | 2 +-
        diff -u old/a.go new/a.go
        --- old/a.go\t2024-01-01 00:00:00.000000000 +0000
        +++ new/a.go\t2024-01-02 00:00:00.000000000 +0000
        @@ -1,2 +1,2 @@
         a
        -b
        +c
        --\u{20}
        2.39.5
        """,
      files: [FileDiff(oldPath: "old/a.go", newPath: "new/a.go", status: .modified, addedLines: [2])]),
    DiffCase(
      name: "body lines that look like headers",
      diff: """
        diff --git a/a.go b/a.go
        --- a/a.go
        +++ b/a.go
        @@ -1,2 +1,3 @@
        --- a/evil.go
        -diff --git a/x b/x
        ++++ b/evil.go
        +@@ -1 +1 @@
        +diff --git a/y b/y
        """,
      files: [FileDiff(oldPath: "a.go", newPath: "a.go", status: .modified, addedLines: [1, 2, 3])]),
    DiffCase(
      name: "empty context line trimmed by a mailer",
      diff: "--- a/a.go\n+++ b/a.go\n@@ -1,3 +1,3 @@\n a\n\n-c\n+d\n",
      files: [FileDiff(oldPath: "a.go", newPath: "a.go", status: .modified, addedLines: [3])]),
    DiffCase(name: "empty input", diff: "", files: []),
  ]

  @Test(arguments: cases)
  func parses(_ example: DiffCase) throws {
    let diff = try UnifiedDiff.parse(example.diff, prefixes: example.prefixes)
    #expect(diff.files == example.files)
  }

  @Test func parsesGitHubPatchFieldAsHunksOnly() throws {
    let file = try UnifiedDiff.parseHunks(
      "@@ -1,3 +1,4 @@ package a\n a\n-b\n+B\n+C\n c\n@@ -20,0 +22 @@\n+tail\n\\ No newline at end of file",
      path: "pkg/a.go")
    #expect(file == FileDiff(oldPath: "pkg/a.go", newPath: "pkg/a.go", status: .modified, addedLines: [2, 3, 22]))
    #expect(try UnifiedDiff.parseHunks("", path: "x.go").addedLines == [])
  }

  @Test func refusesCombinedDiffs() {
    let error = #expect(throws: UnifiedDiffError.self) {
      try UnifiedDiff.parse("diff --cc m.go\nindex 1,2..3\n--- a/m.go\n+++ b/m.go\n@@@ -1,1 -1,1 +1,1 @@@\n")
    }
    #expect(error?.line == 1)
    #expect(error?.reason.contains("combined diff") == true)
  }

  @Test func changedLinesUnionsFilesAndDropsDeletions() throws {
    let diff = UnifiedDiff(files: [
      FileDiff(oldPath: "a.go", newPath: "a.go", status: .modified, addedLines: [5, 9]),
      FileDiff(oldPath: "a.go", newPath: "a.go", status: .modified, addedLines: [1, 5]),
      FileDiff(oldPath: "d.go", newPath: nil, status: .deleted),
      FileDiff(oldPath: "r.go", newPath: "s.go", status: .renamed),
    ])
    #expect(ChangedLines(diff: diff).files == ["a.go": [1, 5, 9]])
  }
}
