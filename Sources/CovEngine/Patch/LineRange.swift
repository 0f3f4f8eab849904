/// An inclusive run of consecutive line numbers, written `[start, end]` in JSON.
public struct LineRange: Sendable, Hashable, Codable {
  /// The first line (≥ 1).
  public var start: Int
  /// The last line (≥ `start`).
  public var end: Int

  /// The run `start...end`.
  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }

  /// The number of lines in the run.
  public var count: Int { end - start + 1 }

  /// Runs of consecutive numbers in ascending, distinct `lines`.
  public static func runs(of lines: [Int]) -> [LineRange] {
    var result: [LineRange] = []
    for line in lines {
      if let last = result.last, last.end + 1 == line {
        result[result.count - 1].end = line
      } else {
        result.append(LineRange(start: line, end: line))
      }
    }
    return result
  }

  public init(from decoder: any Decoder) throws {
    // One container for the whole pair, so that errors name the range (`missedRanges[0]`).
    let container = try decoder.singleValueContainer()
    let pair = try container.decode([Int].self)
    guard pair.count == 2 else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "a range is [start, end]: two numbers")
    }
    let (start, end) = (pair[0], pair[1])
    guard (1...PatchResult.maxLine).contains(start), (start...PatchResult.maxLine).contains(end) else {
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription: "[\(start), \(end)] is not a line range (1 ≤ start ≤ end ≤ \(PatchResult.maxLine))")
    }
    self.init(start: start, end: end)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    try container.encode(start)
    try container.encode(end)
  }
}
