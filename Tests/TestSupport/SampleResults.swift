import CovEngine
import Foundation

/// Results of the `example.com/demo` module as a gate in Actions would write them, for tests of
/// what reads results (publish, report, ratchet) without running Go.
public enum SampleResults {
  /// The fixed start time every sample uses, so that rendered output is stable.
  public static let startedAt = Date(timeIntervalSince1970: 1_750_000_000)

  /// A run over `packages`, at `commit`, optionally with patch coverage.
  public static func demo(
    _ packages: [PackageResult], commit: String? = nil, moduleDirectory: String = "/work/demo",
    patch: PatchResult? = nil
  ) -> CovResults {
    CovResults(
      toolVersion: CovBotVersion.current, module: "example.com/demo", moduleDirectory: moduleDirectory,
      goVersion: "go1.27.3", strategy: .single, commit: commit, startedAt: startedAt, settings: GateSettings(),
      timings: Timings(totalSeconds: 1), packages: packages, patch: patch)
  }

  /// Package `example.com/demo/a` with `covered` of 100 statements against the default floor of 50.
  public static func packageA(covered: Int, status: PackageStatus = .pass) -> PackageResult {
    PackageResult(
      importPath: "example.com/demo/a", directory: "a", floor: Percent(units: 50, scale: 0), floorSource: .default,
      coverage: StatementCoverage(covered: covered, total: 100), status: status, firstGoFile: "a/a.go")
  }
}
