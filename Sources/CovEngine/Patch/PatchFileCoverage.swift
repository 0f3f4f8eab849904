/// Patch coverage of one changed file: how its changed lines fared.
///
/// A changed line counts when a statement block spans it; it is covered when every spanning
/// block ran, partial when some did, missed when none did. A changed file the measurement never
/// saw (`measured == false`) is listed, with nothing counted.
public struct PatchFileCoverage: Sendable, Hashable, Codable {
  /// The path relative to the repository root.
  public var path: String
  /// Changed lines in the file, counted or not.
  public var changedLines: Int
  /// Changed lines whose statement blocks all ran.
  public var coveredLines: Int
  /// Changed lines where some statement blocks ran and some did not.
  public var partialLines: Int
  /// Changed lines where no statement block ran.
  public var missedLines: Int
  /// The missed lines as runs of consecutive line numbers.
  public var missedRanges: [LineRange]
  /// The partial lines as runs of consecutive line numbers.
  public var partialRanges: [LineRange]
  /// Whether the coverprofile had any block for the file.
  public var measured: Bool

  /// Creates a file's figures.
  public init(
    path: String, changedLines: Int, coveredLines: Int = 0, partialLines: Int = 0, missedLines: Int = 0,
    missedRanges: [LineRange] = [], partialRanges: [LineRange] = [], measured: Bool
  ) {
    self.path = path
    self.changedLines = changedLines
    self.coveredLines = coveredLines
    self.partialLines = partialLines
    self.missedLines = missedLines
    self.missedRanges = missedRanges
    self.partialRanges = partialRanges
    self.measured = measured
  }

  /// Covered lines out of counted ones (covered + partial + missed).
  public var coverage: StatementCoverage {
    StatementCoverage(covered: coveredLines, total: coveredLines + partialLines + missedLines)
  }

  private enum CodingKeys: String, CodingKey {
    case path, changedLines, coveredLines, partialLines, missedLines, missedRanges, partialRanges, measured
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    path = try container.decode(String.self, forKey: .path)
    if let problem = PatchResult.pathProblem(path) {
      throw DecodingError.dataCorruptedError(forKey: .path, in: container, debugDescription: problem)
    }
    changedLines = try PatchResult.decodeCount(container, .changedLines, limit: PatchResult.maxLine)
    coveredLines = try PatchResult.decodeCount(container, .coveredLines, limit: PatchResult.maxLine)
    partialLines = try PatchResult.decodeCount(container, .partialLines, limit: PatchResult.maxLine)
    missedLines = try PatchResult.decodeCount(container, .missedLines, limit: PatchResult.maxLine)
    measured = try container.decode(Bool.self, forKey: .measured)
    missedRanges = try container.decode([LineRange].self, forKey: .missedRanges)
    partialRanges = try container.decode([LineRange].self, forKey: .partialRanges)
    if coveredLines + partialLines + missedLines > changedLines {
      throw DecodingError.dataCorruptedError(
        forKey: .changedLines, in: container,
        debugDescription: "\(changedLines) is fewer than the covered, partial and missed lines together")
    }
    if !measured && coveredLines + partialLines + missedLines > 0 {
      throw DecodingError.dataCorruptedError(
        forKey: .measured, in: container, debugDescription: "an unmeasured file cannot have counted lines")
    }
    try Self.checkRanges(missedRanges, total: missedLines, key: .missedRanges, container)
    try Self.checkRanges(partialRanges, total: partialLines, key: .partialRanges, container)
  }

  /// Ranges must ascend without touching and hold exactly `total` lines.
  private static func checkRanges(
    _ ranges: [LineRange], total: Int, key: CodingKeys, _ container: KeyedDecodingContainer<CodingKeys>
  ) throws {
    var previousEnd = 0
    var lines = 0
    for range in ranges {
      guard previousEnd == 0 || range.start > previousEnd + 1 else {
        throw DecodingError.dataCorruptedError(
          forKey: key, in: container,
          debugDescription: "ranges must ascend and not overlap or touch; [\(range.start), \(range.end)] does not")
      }
      previousEnd = range.end
      lines += range.count
    }
    guard lines == total else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: container, debugDescription: "the ranges hold \(lines) lines, but the count says \(total)")
    }
  }
}
