/// The `--max-drop POINTS` gate rule: a package whose coverage fell by more than POINTS vs base fails.
///
/// Decided on the statement integers, never on rounded percentages: a drop of 2.004 points fails
/// `--max-drop 2.0`.
public enum MaxDropRule {
  /// Fails every package whose coverage fell by more than `maxDrop` points vs `base`, records the
  /// setting in `results.settings.maxDrop`, and refreshes the verdict.
  ///
  /// A `pass` or `loose` package becomes `fail` with a reason naming both percentages; a package
  /// already failing keeps its status and gets the drop appended to its reason. Build and test
  /// failures, skipped packages and packages without statements in either run are left alone.
  ///
  /// - Returns: the import paths of the packages whose coverage fell too far, sorted.
  @discardableResult
  public static func apply(_ maxDrop: Percent, base: CovResults, to results: inout CovResults) -> [String] {
    let baseByPath = Dictionary(base.packages.map { ($0.importPath, $0) }, uniquingKeysWith: { first, _ in first })
    var dropped: [String] = []
    for index in results.packages.indices {
      let package = results.packages[index]
      guard [.pass, .loose, .fail].contains(package.status),
        let head = ThresholdDiff.measuredCoverage(package),
        let basePackage = baseByPath[package.importPath],
        let before = ThresholdDiff.measuredCoverage(basePackage),
        dropExceeds(from: before, to: head, limit: maxDrop)
      else { continue }
      let drop = CoverageDrop(
        basePercent: before.flooredPercent(decimals: 2), headPercent: head.flooredPercent(decimals: 2),
        points: dropPoints(from: before, to: head), limit: maxDrop)
      if package.coverageDrop == drop || package.reason.contains(drop.sentence) {
        // Already applied (results gated with --base, then reported or published with it again).
      } else if package.status == .fail {
        results.packages[index].coverageDrop = drop
        results.packages[index].reason = package.reason.isEmpty ? drop.sentence : "\(package.reason); \(drop.sentence)"
      } else {
        results.packages[index].status = .fail
        results.packages[index].suggestedFloor = nil
        results.packages[index].coverageDrop = drop
        results.packages[index].explain(.coverageDropped)
      }
      dropped.append(package.importPath)
    }
    results.settings.maxDrop = maxDrop
    results.refreshVerdict()
    return dropped.sorted()
  }

  /// Whether coverage fell from `base` to `head` by strictly more than `limit` points, exactly.
  ///
  /// `100·(bc/bt − hc/ht) > L` is compared as `100·10^s·(bc·ht − hc·bt) > u·bt·ht`, where
  /// `L = u / 10^s`, so no rounding is involved. Counts no real package reaches (beyond 10^15
  /// statements, where 128 bits no longer hold the products) are compared as `Double`s instead
  /// of trapping.
  public static func dropExceeds(from base: StatementCoverage, to head: StatementCoverage, limit: Percent) -> Bool {
    guard base.total > 0, head.total > 0 else { return false }
    if let lhs = product([difference(base, head), 100, Int128(Percent.power(limit.scale))]),
      let rhs = product([Int128(limit.units), Int128(base.total), Int128(head.total)])
    {
      return lhs > rhs
    }
    return (approximate(base) - approximate(head)) * 100 > limit.doubleValue
  }

  /// The drop in points, rounded up to two decimals so "fell 2.01 points, more than 2.0" never reads "2.00".
  static func dropPoints(from base: StatementCoverage, to head: StatementCoverage) -> Percent {
    guard base.total > 0, head.total > 0 else { return Percent(units: 0, scale: 2) }
    guard let denominator = product([Int128(base.total), Int128(head.total)]),
      let scaled = product([difference(base, head), 10_000])
    else {
      return Percent(units: Int64(((approximate(base) - approximate(head)) * 10_000).rounded(.up)), scale: 2)
    }
    let rounded = scaled > 0 ? (scaled + denominator - 1) / denominator : scaled / denominator
    return Percent(units: Int64(rounded), scale: 2)
  }

  /// `bc·ht − hc·bt`: cannot overflow 128 bits for 64-bit counts.
  private static func difference(_ base: StatementCoverage, _ head: StatementCoverage) -> Int128 {
    Int128(base.covered) * Int128(head.total) - Int128(head.covered) * Int128(base.total)
  }

  /// The product, or `nil` when it does not fit in 128 bits.
  private static func product(_ factors: [Int128]) -> Int128? {
    var result: Int128 = 1
    for factor in factors {
      let (value, overflow) = result.multipliedReportingOverflow(by: factor)
      if overflow { return nil }
      result = value
    }
    return result
  }

  private static func approximate(_ coverage: StatementCoverage) -> Double {
    Double(coverage.covered) / Double(coverage.total)
  }
}
