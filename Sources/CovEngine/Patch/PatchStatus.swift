/// The verdict on patch coverage.
public enum PatchStatus: String, Sendable, Hashable, Codable {
  /// At or above the patch floor.
  case pass
  /// Below the patch floor.
  case fail
  /// No patch floor: shown, not gated.
  case info
}
