/// Decides a measured package's status from its coverage and floor.
public enum GateRule {
  /// The decision for one package.
  public struct Decision: Sendable, Hashable {
    /// The status.
    public var status: PackageStatus
    /// Why, as data.
    public var cause: PackageReason
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
    func decision(_ status: PackageStatus, _ cause: PackageReason, suggested: Percent? = nil) -> Decision {
      Decision(
        status: status, cause: cause,
        reason: cause.sentence(coverage: coverage, floor: floor, floorSource: floorSource, suggestedFloor: suggested),
        suggestedFloor: suggested)
    }
    guard coverage.total > 0 else { return decision(.noStatements, .noStatements) }
    guard coverage.meets(floor) else { return decision(.fail, .belowFloor) }
    if floorSource == .file && coverage.isAbove(floor + settings.tolerance) {
      let suggestion = FloorSuggestion.floor(for: coverage, tolerance: settings.tolerance)
      return decision(.loose, .looseFloor(tolerance: settings.tolerance), suggested: suggestion)
    }
    return decision(.pass, .meetsFloor)
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
