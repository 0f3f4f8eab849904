/// The floor to write for a measured coverage: the ratchet's math, also used for LOOSE rows.
///
/// The floor is the coverage minus a margin, rounded down to one decimal — and always one that
/// passes and is not LOOSE when the same results are gated again, whatever the margin.
public enum FloorSuggestion {
  /// The suggested floor for `coverage`, `margin` points below it (clamped to `0…tolerance`).
  ///
  /// Returns the largest floor `f ≤ coverage − margin` with the fewest decimals (one, unless the
  /// tolerance is under 0.1) such that `coverage − f ≤ tolerance`; so `f` never fails and never is
  /// loose. When the margin would make it loose, the floor is lifted just enough.
  public static func floor(for coverage: StatementCoverage, margin: Percent = .zero, tolerance: Percent) -> Percent {
    guard coverage.total > 0 else { return .zero }
    let clampedMargin = min(max(margin, .zero), max(tolerance, .zero))
    let total = Int128(coverage.total)
    let covered100 = Int128(coverage.covered) * 100
    for decimals in 1...Percent.maxScale {
      let scale = Int128(Percent.power(decimals))
      // want = cov − margin, lowest = cov − tolerance, highest = cov; all in units of 10^-decimals.
      let want = floorDiv(covered100 * scale - clampedMargin.units(atScale: decimals, ceiling: true) * total, total)
      let lowest = ceilDiv(covered100 * scale - tolerance.units(atScale: decimals, ceiling: false) * total, total)
      let highest = floorDiv(covered100 * scale, total)
      let candidate = min(max(want, lowest, 0), 100 * scale)
      if candidate <= highest {
        return Percent(units: Int64(candidate), scale: decimals).trimmedKeepingOneDecimal()
      }
    }
    return coverage.flooredPercent(decimals: Percent.maxScale)
  }

  private static func floorDiv(_ a: Int128, _ b: Int128) -> Int128 {
    let quotient = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
  }

  private static func ceilDiv(_ a: Int128, _ b: Int128) -> Int128 {
    -floorDiv(-a, b)
  }
}

extension Percent {
  /// Zero percent.
  public static let zero = Percent(units: 0, scale: 0)

  /// The value in units of `10^-decimals`, rounded down (or up) when it has more decimals.
  func units(atScale decimals: Int, ceiling: Bool) -> Int128 {
    if decimals >= scale { return units(atScale: decimals) }
    let divisor = Int128(Percent.power(scale - decimals))
    let value = Int128(units)
    let quotient = value / divisor
    let remainder = value % divisor
    if remainder == 0 { return quotient }
    if ceiling { return value > 0 ? quotient + 1 : quotient }
    return value < 0 ? quotient - 1 : quotient
  }

  /// Drops trailing zero decimals beyond the first: `85.20` → `85.2`, `85.0` stays.
  func trimmedKeepingOneDecimal() -> Percent {
    let trimmed = trimmed()
    return trimmed.scale >= 1 ? trimmed : Percent(units: trimmed.units * 10, scale: 1)
  }
}
