/// Head vs base under the rules that compare them: every command that takes a base results file
/// (`gate`, `report`, `publish`) applies it here, so the same two files give the same verdict.
public struct BaseComparison: Sendable {
  /// The base branch's results.
  public var base: CovResults
  /// `--max-drop`: the most points a package's coverage may fall vs base, when set.
  public var maxDrop: Percent?

  /// Compares against `base`, failing packages that fell by more than `maxDrop` points.
  public init(base: CovResults, maxDrop: Percent? = nil) {
    self.base = base
    self.maxDrop = maxDrop
  }

  /// `head` with the threshold diff attached and the max-drop rule applied (verdict refreshed).
  ///
  /// Idempotent: results that were already compared (a gate run with `--base`, published later
  /// with the same base) come out the same.
  public func compare(_ head: CovResults) -> CovResults {
    var results = head
    if let maxDrop { MaxDropRule.apply(maxDrop, base: base, to: &results) }
    results.diff = ThresholdDiff(head: results, base: base)
    return results
  }
}
