/// The rules packages are gated by.
public struct GateSettings: Sendable, Hashable, Codable {
  /// How a loose floor affects the verdict.
  public enum LoosePolicy: String, Sendable, Codable, CaseIterable {
    /// A loose floor is reported but does not fail the gate.
    case warn
    /// A loose floor fails the gate (the default: floors must keep up).
    case fail
  }

  /// The floor of a package without a `.covgate` file.
  public var defaultFloor: Percent
  /// How far (in points) an explicit floor may lag coverage before it is LOOSE.
  public var tolerance: Percent
  /// Whether LOOSE fails the gate.
  public var loose: LoosePolicy
  /// With a base results file: the most a package's coverage may drop, in points.
  public var maxDrop: Percent?

  /// The defaults: floor 80.0, tolerance 0.5, loose floors fail.
  public init(
    defaultFloor: Percent = Percent(units: 800, scale: 1), tolerance: Percent = Percent(units: 5, scale: 1),
    loose: LoosePolicy = .fail, maxDrop: Percent? = nil
  ) {
    self.defaultFloor = defaultFloor
    self.tolerance = tolerance
    self.loose = loose
    self.maxDrop = maxDrop
  }
}
