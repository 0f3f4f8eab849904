/// Decides a measured package's status from its coverage and floor.
public enum GateRule {
  /// The decision for one package.
  public struct Decision: Sendable, Hashable {
    /// The status.
    public var status: PackageStatus
    /// Why, in one sentence.
    public var reason: String
    /// For `loose`: the floor to write.
    public var suggestedFloor: Percent?
  }

  /// Gates a package whose tests ran: no statements, below the floor, loose, or pass.
  ///
  /// Exact: `79.96%` fails an `80.0` floor even though it displays close to it.
  public static func decide(
    coverage: StatementCoverage, floor: Percent, floorSource: FloorSource, settings: GateSettings
  ) -> Decision {
    guard coverage.total > 0 else {
      return Decision(status: .noStatements, reason: "no statements to cover")
    }
    let shown = coverage.formatted(decimals: 2)
    guard coverage.meets(floor) else {
      return Decision(
        status: .fail, reason: "coverage \(shown) is below the floor \(floor)% (\(floorSource.phrase))")
    }
    if floorSource == .file && coverage.isAbove(floor + settings.tolerance) {
      let suggestion = FloorSuggestion.floor(for: coverage, tolerance: settings.tolerance)
      return Decision(
        status: .loose,
        reason: "floor \(floor)% lags coverage \(shown) by more than \(settings.tolerance) points; "
          + "raise it to \(suggestion)",
        suggestedFloor: suggestion)
    }
    return Decision(status: .pass, reason: "coverage \(shown) meets the floor \(floor)% (\(floorSource.phrase))")
  }
}

extension FloorSource {
  /// `.covgate` or `default`, for messages.
  public var phrase: String {
    switch self {
    case .file: ".covgate"
    case .default: "default floor"
    }
  }
}
