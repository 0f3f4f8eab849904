/// The covbot version, recorded in every results file and sent as the GitHub User-Agent.
public enum CovBotVersion {
  /// The version string, e.g. `0.1.0`.
  public static let current = "0.1.0"
}
