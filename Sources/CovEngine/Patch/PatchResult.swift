/// Patch coverage of a change, as stored in the results file.
///
/// Decoding checks every number and string (the file may come from a fork's pull request) and
/// that the totals, ranges and status agree with each other.
public struct PatchResult: Sendable, Hashable, Codable {
  /// The commit the change is measured against (the merge base), when known.
  public var base: String?
  /// Changed lines whose statement blocks all ran, over all files.
  public var coveredLines: Int
  /// Changed lines where some statement blocks ran, over all files.
  public var partialLines: Int
  /// Changed lines where no statement block ran, over all files.
  public var missedLines: Int
  /// `covered / (covered + partial + missed) × 100`, or `nil` when no line counts. Display only.
  public var percent: Double?
  /// The patch floor, when the gate has one.
  public var floor: Percent?
  /// The verdict: `info` without a floor.
  public var status: PatchStatus
  /// Each changed file, sorted by path.
  public var files: [PatchFileCoverage]

  /// The largest line number or per-file count: Go positions are 32-bit.
  public static let maxLine = Int(Int32.max)
  /// The largest total: every file at ``maxLine``, a bound far beyond any real change.
  public static let maxTotal = 1 << 50
  /// The longest path or base accepted.
  public static let maxPathLength = 4096

  /// Totals, percentage and status from `files`, gated against `floor` when there is one.
  public init(base: String?, files: [PatchFileCoverage], floor: Percent?) {
    self.base = base
    self.files = files.sorted { $0.path < $1.path }
    self.floor = floor
    coveredLines = files.reduce(0) { $0 + $1.coveredLines }
    partialLines = files.reduce(0) { $0 + $1.partialLines }
    missedLines = files.reduce(0) { $0 + $1.missedLines }
    percent = nil
    status = .info
    percent = coverage.percent
    status = Self.status(of: coverage, floor: floor)
  }

  /// Covered lines out of counted ones: the exact basis of the percentage and the verdict.
  public var coverage: StatementCoverage {
    StatementCoverage(covered: coveredLines, total: coveredLines + partialLines + missedLines)
  }

  /// Changed lines in all files, counted or not.
  public var changedLines: Int { files.reduce(0) { $0 + $1.changedLines } }

  /// `info` without a floor; else `pass` when the coverage meets it exactly (no counted line passes).
  public static func status(of coverage: StatementCoverage, floor: Percent?) -> PatchStatus {
    guard let floor else { return .info }
    return coverage.meets(floor) ? .pass : .fail
  }

  // MARK: - Codable

  private enum CodingKeys: String, CodingKey {
    case base, coveredLines, partialLines, missedLines, percent, floor, status, files
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    base = try container.decodeIfPresent(String.self, forKey: .base)
    if let base, let problem = Self.textProblem(base, maxLength: 256) {
      throw DecodingError.dataCorruptedError(forKey: .base, in: container, debugDescription: problem)
    }
    coveredLines = try Self.decodeCount(container, .coveredLines, limit: Self.maxTotal)
    partialLines = try Self.decodeCount(container, .partialLines, limit: Self.maxTotal)
    missedLines = try Self.decodeCount(container, .missedLines, limit: Self.maxTotal)
    percent = try container.decodeIfPresent(Double.self, forKey: .percent)
    floor = try container.decodeIfPresent(Percent.self, forKey: .floor)
    status = try container.decode(PatchStatus.self, forKey: .status)
    files = try container.decode([PatchFileCoverage].self, forKey: .files)
    if let percent, !(0...100).contains(percent) {
      throw DecodingError.dataCorruptedError(
        forKey: .percent, in: container, debugDescription: "\(percent) is not a percentage (0 to 100)")
    }
    if (percent == nil) != (coverage.total == 0) {
      throw DecodingError.dataCorruptedError(
        forKey: .percent, in: container, debugDescription: "must be null exactly when no line counts")
    }
    if let floor, !(Percent(units: 0, scale: 0)...Percent(units: 100, scale: 0)).contains(floor) {
      throw DecodingError.dataCorruptedError(
        forKey: .floor, in: container, debugDescription: "\(floor) is not a percentage (0 to 100)")
    }
    var seen = Set<String>()
    for file in files where !seen.insert(file.path).inserted {
      throw DecodingError.dataCorruptedError(
        forKey: .files, in: container, debugDescription: "\(file.path) is listed twice")
    }
    let sums: [(CodingKeys, Int, Int)] = [
      (.coveredLines, coveredLines, files.reduce(0) { $0 + $1.coveredLines }),
      (.partialLines, partialLines, files.reduce(0) { $0 + $1.partialLines }),
      (.missedLines, missedLines, files.reduce(0) { $0 + $1.missedLines }),
    ]
    for (key, total, sum) in sums where total != sum {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: container, debugDescription: "\(total) differs from the files' sum, \(sum)")
    }
    let expected = Self.status(of: coverage, floor: floor)
    guard status == expected else {
      throw DecodingError.dataCorruptedError(
        forKey: .status, in: container,
        debugDescription: "\(status.rawValue) contradicts the numbers, which give \(expected.rawValue)")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    // Absent values are written as null so that every key is always there for readers.
    try container.encode(base, forKey: .base)
    try container.encode(coveredLines, forKey: .coveredLines)
    try container.encode(partialLines, forKey: .partialLines)
    try container.encode(missedLines, forKey: .missedLines)
    try container.encode(percent, forKey: .percent)
    try container.encode(floor, forKey: .floor)
    try container.encode(status, forKey: .status)
    try container.encode(files, forKey: .files)
  }

  static func decodeCount<Key: CodingKey>(
    _ container: KeyedDecodingContainer<Key>, _ key: Key, limit: Int
  ) throws -> Int {
    let value = try container.decode(Int.self, forKey: key)
    guard (0...limit).contains(value) else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: container, debugDescription: "\(value) is out of range (0 to \(limit))")
    }
    return value
  }

  /// Why `path` is not a repository-relative path covbot accepts, or `nil`.
  static func pathProblem(_ path: String) -> String? {
    if let problem = textProblem(path, maxLength: maxPathLength) { return problem }
    if path.hasPrefix("/") { return "an absolute path; expected one relative to the repository root" }
    if path.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." || $0.isEmpty }) {
      return "a path with an empty or `..` component"
    }
    return nil
  }

  private static func textProblem(_ text: String, maxLength: Int) -> String? {
    if text.isEmpty { return "empty" }
    if text.utf8.count > maxLength { return "longer than \(maxLength) bytes" }
    if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
      return "holds a control character"
    }
    return nil
  }
}
