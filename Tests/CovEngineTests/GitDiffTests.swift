import CovBotSupport
import CovEngine
import Foundation
import TestSupport
import Testing

@Suite struct GitDiffTests {
  static let module = PatchScenario.module

  @Test func diffIsThreeDotWithEveryKindOfChange() async throws {
    let (repo, mergeBase) = try await PatchScenario.build()
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
    let (repo, mergeBase) = try await PatchScenario.build()
    defer { try? FileManager.default.removeItem(atPath: repo.root) }
    let profileText = try await PatchScenario.goProfile(of: repo)

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
      let expected = PatchScenario.independentCount(profileText: profileText, file: profileName, lines: lines)
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

  @Test func unknownRefIsAClearError() async throws {
    let (repo, _) = try await PatchScenario.build()
    defer { try? FileManager.default.removeItem(atPath: repo.root) }
    let git = try GitDiff.locate(in: repo.root)
    let error = await #expect(throws: GitDiffError.self) { try await git.change(against: "no-such-branch") }
    #expect(error?.kind == .unknownRef)
    let option = await #expect(throws: GitDiffError.self) { try await git.change(against: "--output=/tmp/x") }
    #expect(option?.kind == .unknownRef)
  }

  @Test func unrelatedHistoryHasNoMergeBase() async throws {
    let (repo, _) = try await PatchScenario.build()
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
