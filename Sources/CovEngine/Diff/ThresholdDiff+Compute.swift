extension ThresholdDiff {
  /// Compares `head` with `base`: coverage per package and the explicit (`.covgate`) floors.
  ///
  /// A package counts as measured when it was not skipped and has statements; otherwise its
  /// percentage is `nil` and no delta is computed. Floor changes consider `.covgate` floors only:
  /// a default floor moving with `--default-floor` is configuration, not a change to the code.
  public init(head: CovResults, base: CovResults) {
    let headByPath = Dictionary(head.packages.map { ($0.importPath, $0) }, uniquingKeysWith: { first, _ in first })
    let baseByPath = Dictionary(base.packages.map { ($0.importPath, $0) }, uniquingKeysWith: { first, _ in first })
    let paths = Set(headByPath.keys).union(baseByPath.keys).sorted()

    var deltas: [PackageDelta] = []
    var changes: [FloorChange] = []
    deltas.reserveCapacity(paths.count)
    for path in paths {
      let headPackage = headByPath[path]
      let basePackage = baseByPath[path]
      let presence: PackageDelta.Presence =
        switch (headPackage, basePackage) {
        case (.some, .some): .both
        case (.some, .none): .added
        default: .removed
        }
      let headPercent = headPackage.flatMap(Self.measuredPercent)
      let basePercent = basePackage.flatMap(Self.measuredPercent)
      var delta: Double?
      if let headPercent, let basePercent { delta = headPercent - basePercent }
      deltas.append(
        PackageDelta(
          importPath: path, presence: presence, basePercent: basePercent, headPercent: headPercent,
          deltaPoints: delta, baseFloor: basePackage?.floor, headFloor: headPackage?.floor))
      if let change = Self.floorChange(path: path, head: headPackage, base: basePackage) {
        changes.append(change)
      }
    }
    self.init(baseCommit: base.commit, packages: deltas, floorChanges: changes)
  }

  /// Floors this change lowered, sorted by import path; reports list them first.
  public var loweredFloors: [FloorChange] { floorChanges.filter { $0.kind == .lowered } }

  /// Packages in both results whose coverage fell, largest drop first (ties by import path).
  public var drops: [PackageDelta] {
    packages.filter { ($0.deltaPoints ?? 0) < 0 }.sorted {
      ($0.deltaPoints!, $0.importPath) < ($1.deltaPoints!, $1.importPath)
    }
  }

  /// The coverage used for a diff, or `nil` when the package was not measured or has no statements.
  static func measuredPercent(_ package: PackageResult) -> Double? {
    measuredCoverage(package)?.percent
  }

  /// The exact statement counts used for a diff, or `nil` when there is nothing (sane) to compare.
  static func measuredCoverage(_ package: PackageResult) -> StatementCoverage? {
    guard package.status != .skipped, package.totalStatements > 0,
      (0...package.totalStatements).contains(package.coveredStatements)
    else { return nil }
    return package.coverage
  }

  private static func floorChange(path: String, head: PackageResult?, base: PackageResult?) -> FloorChange? {
    let headFloor = head.flatMap { $0.floorSource == .file ? $0.floor : nil }
    let baseFloor = base.flatMap { $0.floorSource == .file ? $0.floor : nil }
    switch (baseFloor, headFloor) {
    case (nil, nil):
      return nil
    case (nil, let to?):
      return FloorChange(importPath: path, kind: .added, from: nil, to: to)
    case (let from?, nil):
      return FloorChange(importPath: path, kind: .removed, from: from, to: nil)
    case (let from?, let to?):
      if to < from { return FloorChange(importPath: path, kind: .lowered, from: from, to: to) }
      if from < to { return FloorChange(importPath: path, kind: .raised, from: from, to: to) }
      return nil
    }
  }
}
