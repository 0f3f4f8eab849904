import CCovBotBuildInfo
import CovEngine

/// What this covbot binary is: its version and the commit it was built from.
public enum BuildInfo {
  /// The version, e.g. `0.1.0` (``CovBotVersion/current``).
  public static var version: String { CovBotVersion.current }

  /// The commit, e.g. `1a2b3c4d5e6f` or `1a2b3c4d5e6f-dirty`; `unknown` when the build did not set
  /// `COVBOT_COMMIT` (a plain `swift build`; `make dist` sets it).
  public static let commit: String = String(cString: covbot_build_commit())
}
