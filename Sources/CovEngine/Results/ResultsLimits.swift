/// The ranges every number and string of a results file must respect, checked when the file is read.
///
/// A results file may come from untrusted code (a fork's pull request), and the reporters do
/// arithmetic and integer conversions on what it holds: a value out of these ranges is refused
/// with the field's path (`packages[3].durationSeconds: 1e+300 is outside 0–315576000`) instead of
/// trapping later. Names (import paths, files, test names, versions) may not hold control or
/// bidi characters. Percentages are checked to 0–100 by ``Percent``'s decoder itself.
public enum ResultsLimits {
  /// The longest run or test duration accepted, in seconds: ten years.
  public static let maxSeconds: Double = 10 * 365.25 * 24 * 3600
  /// The most statements a package may have (and so the most it may cover).
  public static let maxStatements = Int(Int32.max)
  /// The most packages in one results file.
  public static let maxPackages = 100_000
  /// The most tests (and test cases, failed-test names) one package may report.
  public static let maxTests = 10_000_000
  /// The most parallel workers a run (or the merge of its shards) may report.
  public static let maxParallelism = 4096
  /// The most shards a run may be split into.
  public static let maxShards = 1000
  /// The longest import path, directory, file name or test name, in UTF-8 bytes.
  public static let maxNameBytes = 4096
  /// The longest short text (versions, commits, reasons), in UTF-8 bytes.
  public static let maxShortTextBytes = 64 * 1024
  /// The longest go output kept for one package or test, in UTF-8 bytes.
  public static let maxOutputBytes = 4 * 1024 * 1024

  /// Throws a `DecodingError` naming the first field out of range.
  static func check(_ results: CovResults) throws(DecodingError) {
    let check = FieldCheck(path: [])
    try check.name(results.toolVersion, "toolVersion")
    try check.name(results.module, "module")
    try check.name(results.moduleDirectory, "moduleDir")
    try check.name(results.goVersion, "goVersion")
    try check.name(results.commit, "commit")
    if let shard = results.shard {
      let inner = check.nested("shard")
      try inner.integer(shard.count, "count", 1...maxShards)
      try inner.integer(shard.index, "index", 1...shard.count)
      try inner.count(shard.allPackages, "allPackages", max: maxPackages)
      for (index, name) in shard.allPackages.enumerated() {
        try inner.nested("allPackages", index).name(name, nil)
      }
    }
    let timings = check.nested("timings")
    try timings.seconds(results.timings.prewarmSeconds, "prewarmSeconds")
    try timings.seconds(results.timings.measureSeconds, "measureSeconds")
    try timings.seconds(results.timings.totalSeconds, "totalSeconds")
    try timings.seconds(results.timings.selfCPUSeconds, "selfCPUSeconds")
    try timings.integer(results.timings.parallelism, "parallelism", 1...maxParallelism)
    try check.count(results.packages, "packages", max: maxPackages)
    for (index, package) in results.packages.enumerated() {
      try check.nested("packages", index).package(package)
    }
    let verdict = check.nested("verdict")
    for (status, count) in results.verdict.counts.sorted(by: { $0.key < $1.key }) {
      try verdict.nested("counts").integer(count, status, 0...maxPackages)
    }
    let maxTotal = maxStatements * maxPackages
    try verdict.integer(results.verdict.totalStatements, "totalStatements", 0...maxTotal)
    try verdict.integer(results.verdict.coveredStatements, "coveredStatements", 0...results.verdict.totalStatements)
    try verdict.percent(results.verdict.percent, "percent")
    if let diff = results.diff {
      let inner = check.nested("diff")
      try inner.name(diff.baseCommit, "baseCommit")
      try inner.count(diff.packages, "packages", max: 2 * maxPackages)
      for (index, delta) in diff.packages.enumerated() {
        let field = inner.nested("packages", index)
        try field.name(delta.importPath, "importPath")
        try field.percent(delta.basePercent, "basePercent")
        try field.percent(delta.headPercent, "headPercent")
        try field.number(delta.deltaPoints, "deltaPoints", -100...100)
      }
      try inner.count(diff.floorChanges, "floorChanges", max: maxPackages)
      for (index, change) in diff.floorChanges.enumerated() {
        try inner.nested("floorChanges", index).name(change.importPath, "importPath")
      }
    }
  }
}

/// Checks fields below one path of the document.
private struct FieldCheck {
  struct Key: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
      self.stringValue = "\(intValue)"
      self.intValue = intValue
    }
  }

  var path: [Key]

  func nested(_ field: String, _ index: Int? = nil) -> FieldCheck {
    var path = path + [Key(stringValue: field)]
    if let index { path.append(Key(intValue: index)) }
    return FieldCheck(path: path)
  }

  func fail(_ field: String?, _ message: String) -> DecodingError {
    let path = field.map { self.path + [Key(stringValue: $0)] } ?? self.path
    return DecodingError.dataCorrupted(DecodingError.Context(codingPath: path, debugDescription: message))
  }

  func package(_ package: PackageResult) throws(DecodingError) {
    let limits = ResultsLimits.self
    try name(package.importPath, "importPath")
    try name(package.directory, "dir")
    try name(package.floorFile, "floorFile")
    try name(package.firstGoFile, "firstGoFile")
    try integer(package.totalStatements, "totalStatements", 0...limits.maxStatements)
    try integer(package.coveredStatements, "coveredStatements", 0...package.totalStatements)
    try percent(package.percent, "percent")
    try text(package.reason, "reason", max: limits.maxShortTextBytes)
    if case .processFailure(let detail)? = package.cause {
      try nested("cause").text(detail, "detail", max: limits.maxShortTextBytes)
    }
    try seconds(package.durationSeconds, "durationSeconds")
    let tests = nested("tests")
    try tests.integer(package.tests.passed, "passed", 0...limits.maxTests)
    try tests.integer(package.tests.failed, "failed", 0...limits.maxTests)
    try tests.integer(package.tests.skipped, "skipped", 0...limits.maxTests)
    try count(package.failedTests, "failedTests", max: limits.maxTests)
    for (index, name) in package.failedTests.enumerated() {
      try nested("failedTests", index).name(name, nil)
    }
    try text(package.output, "output", max: limits.maxOutputBytes)
    try count(package.testCases, "testCases", max: limits.maxTests)
    for (index, test) in package.testCases.enumerated() {
      let field = nested("testCases", index)
      try field.name(test.name, "name")
      try field.seconds(test.elapsedSeconds, "elapsedSeconds")
      try field.text(test.output, "output", max: limits.maxOutputBytes)
    }
  }

  func integer(_ value: Int, _ field: String, _ range: ClosedRange<Int>) throws(DecodingError) {
    guard range.contains(value) else {
      throw fail(field, "\(value) is outside \(range.lowerBound)–\(range.upperBound)")
    }
  }

  func number(_ value: Double?, _ field: String, _ range: ClosedRange<Double>) throws(DecodingError) {
    guard let value else { return }
    guard value.isFinite, range.contains(value) else {
      throw fail(field, "\(value) is outside \(Self.shown(range.lowerBound))–\(Self.shown(range.upperBound))")
    }
  }

  func percent(_ value: Double?, _ field: String) throws(DecodingError) {
    try number(value, field, 0...100)
  }

  func seconds(_ value: Double, _ field: String) throws(DecodingError) {
    try number(value, field, 0...ResultsLimits.maxSeconds)
  }

  func count<T>(_ values: [T], _ field: String, max: Int) throws(DecodingError) {
    guard values.count <= max else { throw fail(field, "\(values.count) entries, more than \(max)") }
  }

  /// A name (import path, file, version, test name): at most ``ResultsLimits/maxNameBytes``, and
  /// free of control and bidi characters, which no Go name holds and which could rewrite a
  /// terminal line or reorder what a reviewer reads.
  func name(_ value: String?, _ field: String?) throws(DecodingError) {
    try text(value, field, max: ResultsLimits.maxNameBytes)
    guard let value, let bad = value.unicodeScalars.first(where: Self.isForbiddenInName) else { return }
    let code = String(bad.value, radix: 16, uppercase: true)
    throw fail(
      field, "contains the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)")
  }

  static func isForbiddenInName(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00..<0x20, 0x7F..<0xA0, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  func text(_ value: String?, _ field: String?, max: Int) throws(DecodingError) {
    guard let value, value.utf8.count > max else { return }
    throw fail(field, "\(value.utf8.count) bytes long, more than \(max)")
  }

  /// `100`, not `100.0`; `315576000`, not `315576000.0`.
  static func shown(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? "\(Int64(value))" : "\(value)"
  }
}
