extension Array where Element == UInt8 {
  /// Whether `needle` occurs contiguously in the array (byte-wise: no Unicode equivalence).
  public func containsSubsequence(_ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty else { return true }
    guard needle.count <= count else { return false }
    for start in 0...(count - needle.count) where self[start] == needle[0] {
      if self[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
  }
}

/// Line-based helpers shared by the oracles.
public enum FuzzText {
  /// The input split at `\n` (a final piece without one included).
  public static func lines(_ text: String) -> [Substring] {
    text.split(separator: "\n", omittingEmptySubsequences: false)
  }
}
