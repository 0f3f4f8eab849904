import CovEngine
import Foundation

@testable import Reporters

/// Patch coverage to render: files built from their ranges, so the counts always agree.
enum PatchFixtures {
  static let head = String(repeating: "ab", count: 20)
  static let links = SourceLinks(serverURL: "https://github.example/", repository: "octo/demo", commit: head)!

  /// A measured file: `covered` covered lines beside the missed and partial ranges (`[start, end]` pairs).
  static func file(
    _ path: String, covered: Int = 0, missed: [(Int, Int)] = [], partial: [(Int, Int)] = [], uncounted: Int = 0
  ) -> PatchFileCoverage {
    let missedRanges = missed.map { LineRange(start: $0.0, end: $0.1) }
    let partialRanges = partial.map { LineRange(start: $0.0, end: $0.1) }
    let missedLines = missedRanges.reduce(0) { $0 + $1.count }
    let partialLines = partialRanges.reduce(0) { $0 + $1.count }
    return PatchFileCoverage(
      path: path, changedLines: covered + missedLines + partialLines + uncounted, coveredLines: covered,
      partialLines: partialLines, missedLines: missedLines, missedRanges: missedRanges, partialRanges: partialRanges,
      measured: true)
  }

  /// A changed file the measurement never saw.
  static func unmeasured(_ path: String, changed: Int) -> PatchFileCoverage {
    PatchFileCoverage(path: path, changedLines: changed, measured: false)
  }

  /// Three files: 19 covered, 2 partial, 5 missed lines (73.0 %), and one file not measured.
  static func patch(floor: String? = "80") -> PatchResult {
    PatchResult(
      base: "0123456789abcdef0123456789abcdef01234567",
      files: [
        file("parse/lexer.go", covered: 4, missed: [(12, 14), (20, 20)], partial: [(30, 31)]),
        file("parse/parser.go", covered: 10, missed: [(7, 7)]),
        file("cmd/tool/main.go", covered: 5, uncounted: 3),
        unmeasured("tagged/linux_only.go", changed: 6),
      ],
      floor: floor.map { Percent($0)! })
  }

  /// The fixture results with `patch`.
  static func results(_ patch: PatchResult?, packages: [PackageResult] = Fixtures.packages()) -> CovResults {
    var results = Fixtures.results(packages)
    results.patch = patch
    results.refreshVerdict()
    return results
  }

  /// Passing packages only, so the patch alone decides the verdict.
  static func passingPackages() -> [PackageResult] {
    [Fixtures.package("a", covered: 9, total: 10, status: .pass)]
  }
}
