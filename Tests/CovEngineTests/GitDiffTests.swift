import CovBotSupport
import CovEngine
import Foundation
import TestSupport
import Testing

/// A scratch git repository driven through the `git` CLI.
private struct ScratchRepository {
  let root: String

  init() throws {
    root =
      FileManager.default.temporaryDirectory.appendingPathComponent("covbot-git-\(UUID().uuidString.prefix(8))")
      .path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
  }

  func git(_ arguments: String...) async throws -> String {
    let child = ChildProcess(
      executable: try GitDiff.locate(in: root).executable,
      arguments: [
        "-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main", "-c",
        "core.autocrlf=false",
      ] + arguments,
      environment: ["GIT_CONFIG_NOSYSTEM": "1"], workingDirectory: root, timeout: .seconds(60))
    let (result, output) = try await child.runCollecting()
    guard result.succeeded else { throw FixtureFailure("git \(arguments.joined(separator: " ")): \(result.stderr)") }
    return output
  }

  func write(_ path: String, _ content: String) throws {
    let url = URL(fileURLWithPath: root).appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(content.utf8).write(to: url)
  }

  func remove(_ path: String) throws {
    try FileManager.default.removeItem(atPath: root + "/" + path)
  }

  func commit(_ message: String) async throws {
    _ = try await git("add", "-A")
    _ = try await git("commit", "-q", "-m", message)
  }

  /// Line numbers of `path` at HEAD that `git blame` attributes to commits in `base..HEAD`: an
  /// independent account of the lines a branch added.
  func blamedLines(_ path: String, since base: String) async throws -> [Int] {
    let own = Set(try await git("rev-list", "\(base)..HEAD").split(separator: "\n").map(String.init))
    let porcelain = try await git("blame", "--porcelain", "HEAD", "--", path)
    var lines: [Int] = []
    for line in porcelain.split(separator: "\n", omittingEmptySubsequences: false) {
      let fields = line.split(separator: " ")
      // Header lines: `<sha> <orig-line> <final-line> [<group-size>]`.
      guard fields.count >= 3, fields[0].count == 40, fields[0].allSatisfy(\.isHexDigit),
        let final = Int(fields[2])
      else { continue }
      if own.contains(String(fields[0])) { lines.append(final) }
    }
    return lines.sorted()
  }
}

private struct FixtureFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

@Suite struct GitDiffTests {
  static let calcBase = """
    package calc

    // Classify names a number's sign.
    func Classify(n int) string {
    \tif n < 0 {
    \t\treturn "negative"
    \t}
    \treturn "non-negative"
    }

    """

  static let calcHead = """
    package calc

    // Classify names a number's sign.
    func Classify(n int) string {
    \tif n < 0 {
    \t\treturn "negative"
    \t}
    \tif n == 0 {
    \t\treturn "zero"
    \t}
    \tif n > 1000 {
    \t\treturn "huge"
    \t}
    \treturn "positive"
    }

    """

  static let helpersBase = """
    package calc

    // Double doubles.
    func Double(x int) int {
    \treturn 2 * x
    }

    // Triple triples.
    func Triple(x int) int {
    \treturn 3 * x
    }

    // Quadruple quadruples.
    func Quadruple(x int) int {
    \treturn 4 * x
    }

    """

  /// Builds the branch scenario: a module in `svc/`, a base branch that moves on after the branch
  /// point, and a feature branch with every kind of change.
  private static func scenario() async throws -> (ScratchRepository, mergeBase: String) {
    let repo = try ScratchRepository()
    _ = try await repo.git("init", "-q")
    // A user's diff settings must not change what covbot reads.
    for (key, value) in [
      ("diff.relative", "true"), ("diff.noprefix", "true"), ("diff.mnemonicPrefix", "true"),
      ("color.diff", "always"), ("diff.external", "false"), ("diff.algorithm", "histogram"),
      ("core.quotePath", "false"),
    ] {
      _ = try await repo.git("config", key, value)
    }
    try repo.write("svc/go.mod", "module example.com/m\n\ngo 1.21\n")
    try repo.write("svc/calc/calc.go", calcBase)
    try repo.write(
      "svc/calc/calc_test.go",
      "package calc\n\nimport \"testing\"\n\nfunc TestClassify(t *testing.T) {\n\tif Classify(-1) != \"negative\" {\n\t\tt.Fatal(\"x\")\n\t}\n}\n"
    )
    try repo.write("svc/calc/helpers.go", helpersBase)
    try repo.write(
      "svc/calc/other.go", "package calc\n\n// Other is changed on main only.\nfunc Other() int { return 1 }\n")
    try repo.write("svc/calc/deleted.go", "package calc\n\nfunc Deleted() int { return 1 }\n")
    try repo.write("svc/calc/crlf.go", "package calc\r\n\r\n// One is one.\r\nfunc One() int {\r\n\treturn 1\r\n}\r\n")
    try repo.write("svc/util/util.go", "package util\n\n// Util is tested.\nfunc Util() int {\n\treturn 7\n}\n")
    try repo.write(
      "svc/util/util_test.go",
      "package util\n\nimport \"testing\"\n\nfunc TestUtil(t *testing.T) {\n\tif Util() != 7 {\n\t\tt.Fatal(\"x\")\n\t}\n}\n"
    )
    try repo.write("tools/x.go", "package main\n")
    try await repo.commit("base")
    let mergeBase = try await repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    _ = try await repo.git("branch", "feature")

    // The base branch moves on: this change is not part of the patch.
    try repo.write(
      "svc/calc/other.go", "package calc\n\n// Other is changed on main only.\nfunc Other() int { return 2 }\n")
    try await repo.commit("on main after the branch point")

    _ = try await repo.git("checkout", "-q", "feature")
    try repo.write("svc/calc/calc.go", calcHead)
    try repo.write(
      "svc/calc/calc_test.go",
      "package calc\n\nimport \"testing\"\n\nfunc TestClassify(t *testing.T) {\n\tif Classify(-1) != \"negative\" || Classify(0) != \"zero\" || Classify(5) != \"positive\" {\n\t\tt.Fatal(\"x\")\n\t}\n}\n"
    )
    // Moved between packages, with its package clause changed and a new function.
    try repo.remove("svc/calc/helpers.go")
    try repo.write(
      "svc/util/helpers.go",
      helpersBase.replacingOccurrences(of: "package calc", with: "package util")
        + "// Quintuple quintuples.\nfunc Quintuple(x int) int {\n\treturn 5 * x\n}\n")
    try repo.write(
      "svc/calc/gen.go",
      "// Code generated by hand for a test. DO NOT EDIT.\n\npackage calc\n\nfunc Gen() int {\n\treturn 3\n}\n")
    try repo.remove("svc/calc/deleted.go")
    try repo.write("svc/calc/data.bin", "\u{0}\u{1}\u{2}binary\u{0}")
    try repo.write(
      "svc/calc/crlf.go", "package calc\r\n\r\n// One is one.\r\nfunc One() int {\r\n\treturn 2 - 1\r\n}\r\n")
    try repo.write("tools/x.go", "package main\n\nfunc main() {}\n")
    try repo.write("README.md", "docs\n")
    try repo.write("docs/spé cial \"notes\".txt", "one\ntwo\n")
    try await repo.commit("feature")
    return (repo, mergeBase)
  }

  static let module = GoModuleLocation(modulePath: "example.com/m", directory: "svc")

  @Test func diffIsThreeDotWithEveryKindOfChange() async throws {
    let (repo, mergeBase) = try await Self.scenario()
    defer { try? FileManager.default.removeItem(atPath: repo.root) }
    let change = try await GitDiff.locate(in: repo.root + "/svc").change(against: "main")
    #expect(change.mergeBase == mergeBase)
    #expect(
      URL(fileURLWithPath: change.repositoryRoot).resolvingSymlinksInPath().path
        == URL(fileURLWithPath: repo.root).resolvingSymlinksInPath().path)
    let byPath = Dictionary(
      change.diff.files.map { (($0.newPath ?? $0.oldPath) ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    #expect(byPath["svc/calc/other.go"] == nil, "a change on the base branch after the branch point")
    #expect(byPath["svc/calc/deleted.go"]?.status == .deleted)
    #expect(byPath["svc/calc/data.bin"]?.status == .binary)
    #expect(byPath["svc/calc/gen.go"]?.status == .added)
    let moved = try #require(byPath["svc/util/helpers.go"])
    #expect(moved.status == .renamed)
    #expect(moved.oldPath == "svc/calc/helpers.go")
    #expect(byPath["svc/calc/crlf.go"]?.addedLines == [5])
    #expect(byPath["docs/spé cial \"notes\".txt"]?.addedLines == [1, 2])

    let changed = ChangedLines(diff: change.diff).restricted(
      to: [Self.module], readHead: ChangedLines.workingTreeReader(root: change.repositoryRoot))
    #expect(changed.paths == ["svc/calc/calc.go", "svc/calc/crlf.go", "svc/util/helpers.go"])
    for path in changed.paths {
      #expect(changed.files[path] == (try await repo.blamedLines(path, since: mergeBase)), "\(path)")
    }
  }

  /// End to end: real `go test -coverprofile`, patch coverage from the engine, and the same
  /// figures computed independently from the raw profile text and `git blame`.
  @Test func patchCoverageMatchesAnIndependentCount() async throws {
    let (repo, mergeBase) = try await Self.scenario()
    defer { try? FileManager.default.removeItem(atPath: repo.root) }
    let go = try GoFixture.toolchain()
    let profilePath = repo.root + "/cover.out"
    let (result, _) = try await go.command(
      ["test", "-covermode=set", "-coverprofile=\(profilePath)", "./..."], in: repo.root + "/svc"
    ).runCollecting()
    #expect(result.succeeded, "\(result.stderr)")
    let profileText = try String(contentsOfFile: profilePath, encoding: .utf8)

    let change = try await GitDiff.locate(in: repo.root).change(against: "main")
    let changed = ChangedLines(diff: change.diff).restricted(
      to: [Self.module], readHead: ChangedLines.workingTreeReader(root: repo.root))
    let patch = PatchCoverage.result(
      base: change.mergeBase, profile: try CoverProfile.parse(profileText), changed: changed, modules: [Self.module],
      floor: Percent("50"))

    var expectedTotals = (covered: 0, partial: 0, missed: 0)
    for path in ["svc/calc/calc.go", "svc/calc/crlf.go", "svc/util/helpers.go"] {
      let lines = try await repo.blamedLines(path, since: mergeBase)
      let profileName = "example.com/m/" + path.dropFirst("svc/".count)
      let expected = Self.independentCount(profileText: profileText, file: profileName, lines: lines)
      let file = try #require(patch.files.first { $0.path == path })
      #expect(file.measured)
      #expect(file.changedLines == lines.count, "\(path)")
      #expect(file.coveredLines == expected.covered, "\(path)")
      #expect(file.partialLines == expected.partial, "\(path)")
      #expect(file.missedLines == expected.missed, "\(path)")
      #expect(file.missedRanges.reduce(0) { $0 + $1.count } == expected.missed)
      expectedTotals.covered += expected.covered
      expectedTotals.partial += expected.partial
      expectedTotals.missed += expected.missed
    }
    #expect(patch.coveredLines == expectedTotals.covered)
    #expect(patch.partialLines == expectedTotals.partial)
    #expect(patch.missedLines == expectedTotals.missed)
    // The untested `huge` branch and the moved package's new function are missed; the rest ran.
    let calc = try #require(patch.files.first { $0.path == "svc/calc/calc.go" })
    #expect(calc.missedRanges == [LineRange(start: 12, end: 12)])
    #expect(calc.coveredLines > 0)
    #expect(patch.missedLines > 0 && patch.coveredLines > 0)
    let total = patch.coveredLines + patch.partialLines + patch.missedLines
    #expect(patch.status == (patch.coveredLines * 2 >= total ? .pass : .fail))
  }

  /// Counts lines straight from profile text: a line counts when a block with statements spans
  /// it (end column exclusive); covered when all such blocks ran, partial when some did.
  static func independentCount(
    profileText: String, file: String, lines: [Int]
  ) -> (covered: Int, partial: Int, missed: Int) {
    var blocks: [(first: Int, last: Int, ran: Bool)] = []
    for row in profileText.split(separator: "\n").dropFirst() {
      guard let colon = row.lastIndex(of: ":"), row[..<colon] == file else { continue }
      let parts = row[row.index(after: colon)...].split(separator: " ")
      let positions = parts[0].split(separator: ",").map { $0.split(separator: ".").compactMap { Int($0) } }
      guard parts.count == 3, positions.count == 2, let statements = Int(parts[1]), let count = Int(parts[2]),
        statements > 0
      else { continue }
      let last = positions[1][1] > 1 ? positions[1][0] : positions[1][0] - 1
      blocks.append((positions[0][0], last, count > 0))
    }
    var result = (covered: 0, partial: 0, missed: 0)
    for line in lines {
      let spanning = blocks.filter { $0.first <= line && line <= $0.last }
      if spanning.isEmpty { continue }
      if spanning.allSatisfy(\.ran) {
        result.covered += 1
      } else if spanning.contains(where: \.ran) {
        result.partial += 1
      } else {
        result.missed += 1
      }
    }
    return result
  }

  @Test func unknownRefIsAClearError() async throws {
    let (repo, _) = try await Self.scenario()
    defer { try? FileManager.default.removeItem(atPath: repo.root) }
    let git = try GitDiff.locate(in: repo.root)
    let error = await #expect(throws: GitDiffError.self) { try await git.change(against: "no-such-branch") }
    #expect(error?.kind == .unknownRef)
    let option = await #expect(throws: GitDiffError.self) { try await git.change(against: "--output=/tmp/x") }
    #expect(option?.kind == .unknownRef)
  }

  @Test func unrelatedHistoryHasNoMergeBase() async throws {
    let (repo, _) = try await Self.scenario()
    defer { try? FileManager.default.removeItem(atPath: repo.root) }
    _ = try await repo.git("checkout", "-q", "--orphan", "lonely")
    try await repo.commit("unrelated")
    let error = await #expect(throws: GitDiffError.self) {
      try await GitDiff.locate(in: repo.root).change(against: "main")
    }
    #expect(error?.kind == .noMergeBase)
    #expect(error?.message.contains("fetch-depth: 0") == true)
  }

  @Test func notARepositoryAndNoGit() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("covbot-nogit-\(UUID())").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var git = try GitDiff.locate(in: directory)
    git.timeout = .seconds(30)
    let error = await #expect(throws: GitDiffError.self) { try await git.change(against: "main") }
    #expect(error?.kind == .notARepository)
    let gone = await #expect(throws: GitDiffError.self) {
      try await GitDiff(executable: git.executable, directory: directory + "/gone").change(against: "main")
    }
    #expect(gone?.kind == .notARepository)
    let missing = #expect(throws: GitDiffError.self) { try GitDiff.locate(in: directory, path: "/nonexistent") }
    #expect(missing?.kind == .gitNotFound)
  }
}
