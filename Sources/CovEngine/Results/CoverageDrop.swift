/// The max-drop rule's finding on a package: its coverage fell further than the limit vs base.
public struct CoverageDrop: Sendable, Hashable, Codable {
  /// Base coverage, rounded down to two decimals.
  public var basePercent: Percent
  /// Head coverage, rounded down to two decimals.
  public var headPercent: Percent
  /// The fall in points, rounded up to two decimals.
  public var points: Percent
  /// `--max-drop`.
  public var limit: Percent

  /// Records a drop.
  public init(basePercent: Percent, headPercent: Percent, points: Percent, limit: Percent) {
    self.basePercent = basePercent
    self.headPercent = headPercent
    self.points = points
    self.limit = limit
  }

  /// `coverage fell 5.01 points vs base (90.00% → 84.99%), more than --max-drop 5.0`.
  public var sentence: String {
    "coverage fell \(points) points vs base (\(basePercent)% → \(headPercent)%), more than --max-drop \(limit)"
  }
}
