/// The floor a package is gated against, and where it came from.
public struct PackageFloor: Sendable, Hashable {
  /// The floor.
  public var value: Percent
  /// Its `.covgate` file, or the default.
  public var source: FloorSource
  /// The `.covgate` file relative to the module root, for a floor from a file.
  public var file: String?

  /// A floor; without a source, the default floor.
  public init(_ value: Percent, source: FloorSource = .default, file: String? = nil) {
    self.value = value
    self.source = source
    self.file = file
  }
}
