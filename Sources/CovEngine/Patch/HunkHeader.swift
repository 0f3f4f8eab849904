/// A hunk header, `@@ -oldStart[,oldCount] +newStart[,newCount] @@ [context]`.
struct HunkHeader: Equatable {
  var oldStart: Int
  var oldCount: Int
  var newStart: Int
  var newCount: Int

  /// The largest line number or count accepted: Go positions are 32-bit.
  static let limit = Int(Int32.max)

  /// Parses a header line; `nil` when it does not have the shape.
  init?(_ line: ArraySlice<UInt8>) {
    var rest = line
    guard Self.take("@@ -", &rest), let old = Self.range(&rest), Self.take(" +", &rest),
      let new = Self.range(&rest), Self.take(" @@", &rest)
    else { return nil }
    guard rest.isEmpty || rest.first == UInt8(ascii: " ") else { return nil }
    (oldStart, oldCount) = old
    (newStart, newCount) = new
  }

  /// Why the numbers are impossible, or `nil` when they are fine.
  var problem: String? {
    if max(oldStart, oldCount, newStart, newCount) > Self.limit {
      return "a hunk header number over \(Self.limit), the largest line number Go supports"
    }
    if oldCount == 0 && newCount == 0 { return "an empty hunk (no old and no new lines)" }
    if newCount > 0 && newStart == 0 { return "a hunk with new lines starting at line 0" }
    if oldCount > 0 && oldStart == 0 { return "a hunk with old lines starting at line 0" }
    if newStart + max(newCount - 1, 0) > Self.limit || oldStart + max(oldCount - 1, 0) > Self.limit {
      return "a hunk reaching past line \(Self.limit)"
    }
    return nil
  }

  private static func take(_ literal: String, _ rest: inout ArraySlice<UInt8>) -> Bool {
    guard rest.starts(with: literal.utf8) else { return false }
    rest = rest.dropFirst(literal.utf8.count)
    return true
  }

  /// `start[,count]`; a missing count means 1.
  private static func range(_ rest: inout ArraySlice<UInt8>) -> (Int, Int)? {
    guard let start = number(&rest) else { return nil }
    guard rest.first == UInt8(ascii: ",") else { return (start, 1) }
    rest = rest.dropFirst()
    guard let count = number(&rest) else { return nil }
    return (start, count)
  }

  private static func number(_ rest: inout ArraySlice<UInt8>) -> Int? {
    let digits = rest.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    // Eighteen digits fit an Int; ``problem`` then says which number is too large.
    guard !digits.isEmpty, digits.count <= 18 else { return nil }
    var value = 0
    for digit in digits { value = value * 10 + Int(digit - UInt8(ascii: "0")) }
    rest = rest.dropFirst(digits.count)
    return value
  }
}
