import FuzzSupport

@testable import CovEngine

/// Unified diffs (`git diff`, GitHub's `.diff`, hunk-only `patch` fields): parsing never traps,
/// accepted hunk headers have sane ranges, and each file's added lines ascend within Go's range.
runFuzzer { data in
  let text = String(decoding: data, as: UTF8.self)
  for line in FuzzText.lines(text) where line.hasPrefix("@@") {
    guard let header = HunkHeader(ArraySlice(line.utf8)), header.problem == nil else { continue }
    oracle(header.oldCount >= 0 && header.newCount >= 0, "negative hunk count in \(line)")
    oracle(header.newCount == 0 || header.newStart >= 1, "new lines start before line 1 in \(line)")
    oracle(header.oldCount == 0 || header.oldStart >= 1, "old lines start before line 1 in \(line)")
  }
  if let diff = try? UnifiedDiff.parse(text) {
    for file in diff.files { check(file) }
  }
  if let file = try? UnifiedDiff.parseHunks(text, path: "pkg/file.go") { check(file) }
}

/// Added lines are within 1…Int32.max and strictly ascending (each once).
func check(_ file: FileDiff) {
  var previous = 0
  for line in file.addedLines {
    oracle(line > previous, "added lines not ascending in \(file.newPath ?? "?"): \(line) after \(previous)")
    oracle(line <= Int(Int32.max), "added line \(line) past Go's range")
    previous = line
  }
  if file.status == .deleted || file.status == .binary {
    oracle(file.addedLines.isEmpty, "a \(file.status) file with added lines")
  }
}
