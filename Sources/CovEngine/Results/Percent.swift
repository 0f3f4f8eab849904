/// An exact decimal percentage such as `78.4`, as written in a `.covgate` file.
///
/// Floors are compared with exact integer arithmetic: `79.96` never passes `80.0`.
/// The value is `units / 10^scale`, so `78.4` is `(784, 1)`.
public struct Percent: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The value times `10^scale`.
  public let units: Int64
  /// The number of decimal digits, 0 through ``maxScale``.
  public let scale: Int

  /// The most decimal digits a percentage may carry.
  public static let maxScale = 6

  /// Creates a percentage of `units / 10^scale`.
  public init(units: Int64, scale: Int) {
    precondition((0...Self.maxScale).contains(scale), "scale out of range")
    self.units = units
    self.scale = scale
  }

  /// Parses a plain decimal such as `80`, `78.4` or `-0.5` (no exponent, no `%`).
  ///
  /// Returns `nil` for anything else, including more than ``maxScale`` decimals.
  public init?(_ text: some StringProtocol) {
    var digits = Substring(text)
    var negative = false
    if digits.first == "-" {
      negative = true
      digits = digits.dropFirst()
    } else if digits.first == "+" {
      digits = digits.dropFirst()
    }
    let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let whole = parts.first, !whole.isEmpty, whole.count <= 12, whole.allSatisfy(\.isASCIIDigit) else {
      return nil
    }
    var fraction: Substring = ""
    if parts.count == 2 {
      fraction = parts[1]
      guard !fraction.isEmpty, fraction.count <= Self.maxScale, fraction.allSatisfy(\.isASCIIDigit) else {
        return nil
      }
    }
    guard let value = Int64(whole + fraction) else { return nil }
    self.init(units: negative ? -value : value, scale: fraction.count)
  }

  /// The nearest `Double`, for display and JSON.
  public var doubleValue: Double {
    Double(units) / Double(Self.power(scale))
  }

  /// The value at `newScale` decimals (never fewer than it has).
  func units(atScale newScale: Int) -> Int128 {
    Int128(units) * Int128(Self.power(newScale - scale))
  }

  /// The same value written with at least one decimal: `80.0`, `78.45`.
  public var description: String {
    let normalized = trimmed()
    let shown = normalized.scale == 0 ? Percent(units: normalized.units * 10, scale: 1) : normalized
    let divisor = Self.power(shown.scale)
    let magnitude = shown.units.magnitude
    let whole = magnitude / UInt64(divisor)
    var fraction = String(magnitude % UInt64(divisor))
    fraction = String(repeating: "0", count: shown.scale - fraction.count) + fraction
    return (shown.units < 0 ? "-" : "") + "\(whole).\(fraction)"
  }

  /// The same value with trailing zero decimals removed.
  func trimmed() -> Percent {
    var units = units
    var scale = scale
    while scale > 0 && units % 10 == 0 {
      units /= 10
      scale -= 1
    }
    return Percent(units: units, scale: scale)
  }

  /// `a + b`, exactly.
  public static func + (lhs: Percent, rhs: Percent) -> Percent {
    let scale = max(lhs.scale, rhs.scale)
    return Percent(units: Int64(lhs.units(atScale: scale) + rhs.units(atScale: scale)), scale: scale)
  }

  /// `a - b`, exactly.
  public static func - (lhs: Percent, rhs: Percent) -> Percent {
    let scale = max(lhs.scale, rhs.scale)
    return Percent(units: Int64(lhs.units(atScale: scale) - rhs.units(atScale: scale)), scale: scale)
  }

  public static func < (lhs: Percent, rhs: Percent) -> Bool {
    let scale = max(lhs.scale, rhs.scale)
    return lhs.units(atScale: scale) < rhs.units(atScale: scale)
  }

  public static func == (lhs: Percent, rhs: Percent) -> Bool {
    let scale = max(lhs.scale, rhs.scale)
    return lhs.units(atScale: scale) == rhs.units(atScale: scale)
  }

  public func hash(into hasher: inout Hasher) {
    let normalized = trimmed()
    hasher.combine(normalized.units)
    hasher.combine(normalized.scale)
  }

  static func power(_ exponent: Int) -> Int64 {
    var result: Int64 = 1
    for _ in 0..<exponent { result *= 10 }
    return result
  }
}

extension Percent: Codable {
  /// Encoded as a JSON number (`78.4`); decoded exactly from the number's shortest form.
  ///
  /// Only 0–100 is accepted: every percentage covbot writes (floors, tolerance, max drop) lies
  /// there, and a results file may come from untrusted code, so nothing larger reaches the
  /// integer arithmetic below.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let value = try container.decode(Double.self)
    guard value.isFinite, (0...100).contains(value) else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(value) is outside 0–100")
    }
    guard let exact = Percent(Self.plainDecimal(value)) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "\(value) is not a percentage with at most \(Self.maxScale) decimals")
    }
    self = exact
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(doubleValue)
  }

  /// `Double.description` without an exponent (`1e-05` → `0.00001`).
  private static func plainDecimal(_ value: Double) -> String {
    let text = "\(value)"
    guard text.contains("e") else { return text.hasSuffix(".0") ? String(text.dropLast(2)) : text }
    let rounded = (value * Double(power(maxScale))).rounded()
    return Percent(units: Int64(rounded), scale: maxScale).trimmed().description
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
