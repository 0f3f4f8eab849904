import CovEngine
import Foundation

/// Checks that every configuration measured the same per-package coverage.
///
/// The reference is computed here from the per-package profiles of (a) (or (b)); `go test -cover`'s
/// printed percentages (c) and every covbot results file (d) are compared against it.
struct SanityCheck: Sendable {
  /// Lines to print.
  var lines: [String] = []
  /// How many disagreements were found.
  var mismatches = 0

  /// Compares the last successful run of each configuration.
  static func evaluate(_ rows: [BenchRow], module: GeneratedModule) -> SanityCheck {
    var check = SanityCheck()
    let source = rows.first { $0.lastOutcome?.profileCoverage != nil }
    guard let source, let reference = source.lastOutcome?.profileCoverage else {
      check.lines.append("skipped: needs (a) or (b), whose per-package profiles are the reference")
      return check
    }
    let expected = module.packages.map(\.importPath)
    let percents = expected.compactMap { reference[$0]?.percent }.sorted()
    check.lines.append(
      "reference: per-package profiles of (\(source.configuration.rawValue)), \(reference.count) of \(expected.count) "
        + "packages, coverage " + percentRange(percents))
    for importPath in expected where reference[importPath] == nil {
      check.fail("(\(source.configuration.rawValue)) has no profile for \(importPath)")
    }

    if let printed = rows.first(where: { $0.configuration == .reference })?.lastOutcome?.printedPercents {
      var agreed = 0
      for (importPath, coverage) in reference.sorted(by: { $0.key < $1.key }) {
        let want = coverage.percent.map { String(format: "%.1f", $0) }
        guard let got = printed[importPath] else {
          check.fail("(c) printed no coverage for \(importPath)")
          continue
        }
        if got == want {
          agreed += 1
        } else {
          let printed = got.map { "\($0)%" } ?? "[no statements]"
          check.fail("(c) \(importPath): go test -cover printed \(printed), profiles give \(want ?? "—")%")
        }
      }
      check.lines.append("(c) go test -cover: \(agreed) of \(reference.count) packages agree")
    }

    for row in rows where row.configuration.isCovBot {
      guard let results = row.lastOutcome?.results else { continue }
      let measured = Dictionary(results.packages.map { ($0.importPath, $0) }, uniquingKeysWith: { first, _ in first })
      var agreed = 0
      for (importPath, coverage) in reference.sorted(by: { $0.key < $1.key }) {
        guard let package = measured[importPath] else {
          check.fail("\(row.configuration.rawValue): covbot has no result for \(importPath)")
          continue
        }
        if package.coverage == coverage {
          agreed += 1
        } else {
          check.fail(
            "\(row.configuration.rawValue) \(importPath): covbot \(describe(package.coverage)) "
              + "[\(package.status.label)], profiles \(describe(coverage))")
        }
      }
      for importPath in measured.keys.sorted() where reference[importPath] == nil {
        check.fail("\(row.configuration.rawValue): covbot reports \(importPath), which (a) did not measure")
      }
      check.lines.append("\(row.configuration.rawValue): \(agreed) of \(reference.count) packages agree")
    }
    return check
  }

  private mutating func fail(_ line: String) {
    mismatches += 1
    lines.append("MISMATCH " + line)
  }

  private static func describe(_ coverage: StatementCoverage) -> String {
    "\(coverage.covered)/\(coverage.total) (\(coverage.formatted(decimals: 1)))"
  }

  private static func percentRange(_ sorted: [Double]) -> String {
    guard let low = sorted.first, let high = sorted.last, let median = sorted.median else { return "—" }
    return String(format: "%.1f%%–%.1f%% (median %.1f%%)", low, high, median)
  }
}
