/// Covered and total statement counts, the exact basis of every coverage figure.
///
/// Coverage is statement-weighted, as `go tool cover -func` totals it. Comparisons
/// against floors use integer arithmetic; only display rounds.
public struct StatementCoverage: Sendable, Hashable, Codable {
  /// Statements executed at least once.
  public var covered: Int
  /// All statements.
  public var total: Int

  /// Creates a count of `covered` out of `total` statements.
  public init(covered: Int, total: Int) {
    self.covered = covered
    self.total = total
  }

  /// No statements.
  public static let zero = StatementCoverage(covered: 0, total: 0)

  /// The percentage as a `Double`, or `nil` when there is nothing to cover.
  public var percent: Double? {
    total == 0 ? nil : Double(covered) * 100 / Double(total)
  }

  /// Whether `covered / total ≥ floor / 100`, exactly.
  public func meets(_ floor: Percent) -> Bool {
    guard total > 0 else { return true }
    return Int128(covered) * 100 * Int128(Percent.power(floor.scale)) >= Int128(floor.units) * Int128(total)
  }

  /// Whether the coverage is strictly above `limit` percent, exactly.
  public func isAbove(_ limit: Percent) -> Bool {
    guard total > 0 else { return false }
    return Int128(covered) * 100 * Int128(Percent.power(limit.scale)) > Int128(limit.units) * Int128(total)
  }

  /// The coverage rounded down to `decimals` places: the highest floor this coverage meets.
  public func flooredPercent(decimals: Int = 1) -> Percent {
    guard total > 0 else { return Percent(units: 0, scale: decimals) }
    let scaled = Int128(covered) * 100 * Int128(Percent.power(decimals)) / Int128(total)
    return Percent(units: Int64(scaled), scale: decimals)
  }

  /// The coverage for display, rounded down (never shows a failing 79.96 as 80.0): `79.9%`, or `—`.
  public func formatted(decimals: Int = 1) -> String {
    guard total > 0 else { return "—" }
    return "\(flooredPercent(decimals: decimals))%"
  }

  /// Adds two counts (packages summed into a total).
  public static func + (lhs: StatementCoverage, rhs: StatementCoverage) -> StatementCoverage {
    StatementCoverage(covered: lhs.covered + rhs.covered, total: lhs.total + rhs.total)
  }
}
