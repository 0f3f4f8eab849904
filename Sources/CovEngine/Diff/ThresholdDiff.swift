/// Head vs base: coverage deltas per package and floors changed by the change.
///
/// Computed from two results files; rendered by Reporters. A lowered floor is always listed.
public struct ThresholdDiff: Sendable, Hashable, Codable {
  /// The base results' commit, when known.
  public var baseCommit: String?
  /// One entry per package in head or base, sorted by import path.
  public var packages: [PackageDelta]
  /// Floors this change raised, lowered, added or removed, sorted by import path.
  public var floorChanges: [FloorChange]

  /// Creates a diff.
  public init(baseCommit: String?, packages: [PackageDelta], floorChanges: [FloorChange]) {
    self.baseCommit = baseCommit
    self.packages = packages
    self.floorChanges = floorChanges
  }
}

/// One package's coverage and floor, before and after.
public struct PackageDelta: Sendable, Hashable, Codable {
  /// Whether the package is new, gone, or in both.
  public enum Presence: String, Sendable, Codable {
    case added, removed, both
  }

  /// The package's import path.
  public var importPath: String
  /// Whether the package is new, gone, or in both.
  public var presence: Presence
  /// Base coverage, when the package existed in base and had statements.
  public var basePercent: Double?
  /// Head coverage, when the package exists in head and has statements.
  public var headPercent: Double?
  /// `head − base` in points, when both are known.
  public var deltaPoints: Double?
  /// Base floor, when the package existed in base.
  public var baseFloor: Percent?
  /// Head floor, when the package exists in head.
  public var headFloor: Percent?

  /// Creates a package delta.
  public init(
    importPath: String, presence: Presence, basePercent: Double?, headPercent: Double?, deltaPoints: Double?,
    baseFloor: Percent?, headFloor: Percent?
  ) {
    self.importPath = importPath
    self.presence = presence
    self.basePercent = basePercent
    self.headPercent = headPercent
    self.deltaPoints = deltaPoints
    self.baseFloor = baseFloor
    self.headFloor = headFloor
  }
}

/// An explicit (`.covgate`) floor that differs between base and head.
public struct FloorChange: Sendable, Hashable, Codable {
  /// What happened to the floor.
  public enum Kind: String, Sendable, Codable {
    case raised, lowered, added, removed
  }

  /// The package's import path.
  public var importPath: String
  /// What happened to the floor.
  public var kind: Kind
  /// The base floor (`nil` when added).
  public var from: Percent?
  /// The head floor (`nil` when removed).
  public var to: Percent?

  /// Creates a floor change.
  public init(importPath: String, kind: Kind, from: Percent?, to: Percent?) {
    self.importPath = importPath
    self.kind = kind
    self.from = from
    self.to = to
  }
}
