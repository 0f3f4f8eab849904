/// Why a package has its status: data, which each reporter renders in its own words.
///
/// The results file keeps the schema-1 `reason` sentence (``sentence(for:)``) for its readers and
/// this structured form beside it (`cause`).
public enum PackageReason: Sendable, Hashable {
  /// Coverage meets the floor (and an explicit floor is within the tolerance).
  case meetsFloor
  /// Coverage is below the floor.
  case belowFloor
  /// Coverage meets the floor but fell further than `--max-drop` vs base (see `coverageDrop`).
  case coverageDropped
  /// An explicit floor lags coverage by more than `tolerance` points.
  case looseFloor(tolerance: Percent)
  /// Tests failed; their names are the package's `failedTests`.
  case failingTests
  /// The package or its tests do not compile.
  case buildFailure
  /// The go process failed in a way no test event shows (a timeout, a kill, no profile); the
  /// sentence says how.
  case processFailure(String)
  /// Excluded by a pattern.
  case excluded
  /// Not measured: the run was interrupted first.
  case interrupted
  /// Nothing to cover.
  case noStatements

  /// The schema-1 `reason` sentence for `package` (whose cause this is).
  public func sentence(for package: PackageResult) -> String {
    sentence(
      coverage: package.coverage, floor: package.floor, floorSource: package.floorSource,
      suggestedFloor: package.suggestedFloor, failedTests: package.failedTests, drop: package.coverageDrop)
  }

  /// The schema-1 `reason` sentence for a package with these figures.
  public func sentence(
    coverage statements: StatementCoverage, floor percent: Percent, floorSource: FloorSource,
    suggestedFloor: Percent? = nil, failedTests: [String] = [], drop: CoverageDrop? = nil
  ) -> String {
    let coverage = statements.formatted(decimals: 2)
    let floor = "\(percent)%"
    let source = floorSource.phrase
    return switch self {
    case .meetsFloor: "coverage \(coverage) meets the floor \(floor) (\(source))"
    case .belowFloor: "coverage \(coverage) is below the floor \(floor) (\(source))"
    case .coverageDropped: drop?.sentence ?? "coverage fell further than --max-drop vs base"
    case .looseFloor(let tolerance):
      "floor \(floor) lags coverage \(coverage) by more than \(tolerance) points"
        + (suggestedFloor.map { "; raise it to \($0)" } ?? "")
    case .failingTests:
      failedTests.isEmpty
        ? "go test failed (see output)"
        : "failing tests: " + Self.names(failedTests, limit: 3)
    case .buildFailure: "the package or its tests do not compile"
    case .processFailure(let sentence): sentence
    case .excluded: "excluded"
    case .interrupted: "not measured: the run was interrupted"
    case .noStatements: "no statements to cover"
    }
  }

  /// `A, B, C and 4 more`.
  public static func names(_ names: [String], limit: Int) -> String {
    let shown = names.prefix(limit).joined(separator: ", ")
    return names.count > limit ? "\(shown) and \(names.count - limit) more" : shown
  }

  /// The cause a results file written before `cause` existed implies, from its status and reason.
  static func implied(by package: PackageResult, tolerance: Percent) -> PackageReason {
    switch package.status {
    case .pass: .meetsFloor
    case .fail: package.coverageDrop != nil && package.coverage.meets(package.floor) ? .coverageDropped : .belowFloor
    case .loose: .looseFloor(tolerance: tolerance)
    case .testFail:
      package.reason.hasPrefix("failing tests") || package.reason.isEmpty
        ? .failingTests : .processFailure(package.reason)
    case .buildFail:
      package.reason == "the package or its tests do not compile" || package.reason.isEmpty
        ? .buildFailure : .processFailure(package.reason)
    case .skipped: package.skipReason == .interrupted ? .interrupted : .excluded
    case .noStatements: .noStatements
    }
  }
}

extension PackageReason: Codable {
  private enum CodingKeys: String, CodingKey {
    case kind, detail, tolerance
  }

  private enum Kind: String, Codable {
    case meetsFloor = "meets-floor"
    case belowFloor = "below-floor"
    case coverageDropped = "coverage-dropped"
    case looseFloor = "loose-floor"
    case failingTests = "failing-tests"
    case buildFailure = "build-failure"
    case processFailure = "process-failure"
    case excluded, interrupted
    case noStatements = "no-statements"
  }

  /// Decodes `{"kind": "process-failure", "detail": "…"}` and the like.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    switch try container.decode(Kind.self, forKey: .kind) {
    case .meetsFloor: self = .meetsFloor
    case .belowFloor: self = .belowFloor
    case .coverageDropped: self = .coverageDropped
    case .looseFloor: self = .looseFloor(tolerance: try container.decode(Percent.self, forKey: .tolerance))
    case .failingTests: self = .failingTests
    case .buildFailure: self = .buildFailure
    case .processFailure: self = .processFailure(try container.decode(String.self, forKey: .detail))
    case .excluded: self = .excluded
    case .interrupted: self = .interrupted
    case .noStatements: self = .noStatements
    }
  }

  /// Encodes the kind, with the detail or tolerance it carries.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .meetsFloor: try container.encode(Kind.meetsFloor, forKey: .kind)
    case .belowFloor: try container.encode(Kind.belowFloor, forKey: .kind)
    case .coverageDropped: try container.encode(Kind.coverageDropped, forKey: .kind)
    case .looseFloor(let tolerance):
      try container.encode(Kind.looseFloor, forKey: .kind)
      try container.encode(tolerance, forKey: .tolerance)
    case .failingTests: try container.encode(Kind.failingTests, forKey: .kind)
    case .buildFailure: try container.encode(Kind.buildFailure, forKey: .kind)
    case .processFailure(let detail):
      try container.encode(Kind.processFailure, forKey: .kind)
      try container.encode(detail, forKey: .detail)
    case .excluded: try container.encode(Kind.excluded, forKey: .kind)
    case .interrupted: try container.encode(Kind.interrupted, forKey: .kind)
    case .noStatements: try container.encode(Kind.noStatements, forKey: .kind)
    }
  }
}
