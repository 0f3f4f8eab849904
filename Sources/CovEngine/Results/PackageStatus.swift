/// The gate's verdict on one package.
public enum PackageStatus: String, Sendable, Codable, CaseIterable, Comparable {
  /// Coverage meets the floor, and an explicit floor is within tolerance.
  case pass
  /// Coverage is below the floor.
  case fail
  /// An explicit floor lags coverage by more than the tolerance.
  case loose
  /// Tests ran and at least one failed (or the test binary timed out or panicked).
  case testFail = "test-fail"
  /// The package or its tests did not compile.
  case buildFail = "build-fail"
  /// Not measured: excluded by a pattern, or the run was interrupted first.
  case skipped
  /// The package has no statements to cover.
  case noStatements = "no-statements"

  /// Whether the status fails the gate whatever the settings: FAIL, TEST-FAIL and BUILD-FAIL.
  public var isFailure: Bool {
    switch self {
    case .fail, .testFail, .buildFail: true
    case .pass, .loose, .skipped, .noStatements: false
    }
  }

  /// Whether a package with this status fails the gate: the failures, and LOOSE unless loose
  /// floors only warn. The one place that says which statuses fail.
  public func failsGate(loose: GateSettings.LoosePolicy) -> Bool {
    isFailure || (self == .loose && loose == .fail)
  }

  /// The upper-case label used in tables: `PASS`, `TEST-FAIL`, …
  public var label: String { rawValue.uppercased() }

  /// How much attention the status needs; lower sorts first in reports.
  public var severity: Int {
    switch self {
    case .buildFail: 0
    case .testFail: 1
    case .fail: 2
    case .loose: 3
    case .pass: 4
    case .noStatements: 5
    case .skipped: 6
    }
  }

  public static func < (lhs: PackageStatus, rhs: PackageStatus) -> Bool {
    lhs.severity < rhs.severity
  }
}

/// Where a package's floor came from.
public enum FloorSource: String, Sendable, Codable {
  /// The package's `.covgate` file.
  case file
  /// `--default-floor` (80.0 unless configured).
  case `default`
}

/// Why a package was not measured.
public enum SkipReason: String, Sendable, Codable {
  /// Matched an `--exclude` pattern.
  case excluded
  /// The run was interrupted (SIGINT/SIGTERM) before the package finished.
  case interrupted
}
