/// The overall outcome of a gate run, derived from its packages.
public struct Verdict: Sendable, Hashable, Codable {
  /// Whether the gate passed (exit code 0).
  public var passed: Bool
  /// Packages per status; every status is present, zeros included.
  public var counts: [String: Int]
  /// Covered statements over all measured packages.
  public var coveredStatements: Int
  /// Total statements over all measured packages.
  public var totalStatements: Int
  /// `covered / total × 100` over all measured packages, or `nil` without statements.
  public var percent: Double?

  /// Derives the verdict: any fail, test-fail or build-fail fails the gate, loose fails it
  /// unless `settings.loose == .warn`, patch coverage below its floor fails it, and an
  /// interrupted run never passes.
  public init(
    packages: [PackageResult], settings: GateSettings, interrupted: Bool = false, patch: PatchResult? = nil
  ) {
    var counts = Dictionary(uniqueKeysWithValues: PackageStatus.allCases.map { ($0.rawValue, 0) })
    var total = StatementCoverage.zero
    for package in packages {
      counts[package.status.rawValue, default: 0] += 1
      if package.status != .skipped { total = total + package.coverage }
    }
    self.counts = counts
    self.coveredStatements = total.covered
    self.totalStatements = total.total
    self.percent = total.percent
    self.passed =
      !interrupted && packages.allSatisfy { Self.passes($0.status, settings: settings) } && patch?.status != .fail
  }

  /// The statement counts over all measured packages.
  public var coverage: StatementCoverage {
    StatementCoverage(covered: coveredStatements, total: totalStatements)
  }

  /// Packages with `status`.
  public func count(_ status: PackageStatus) -> Int { counts[status.rawValue] ?? 0 }

  /// Whether a package with `status` lets the gate pass under `settings`.
  public static func passes(_ status: PackageStatus, settings: GateSettings) -> Bool {
    !status.failsGate(loose: settings.loose)
  }
}
