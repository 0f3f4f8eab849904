import CovEngine

/// Turns results into annotations, most important first.
public enum AnnotationBuilder {
  /// One annotation per package needing attention (build-fail, test-fail, fail, loose), most important first.
  ///
  /// `pathPrefix` is the module root relative to the repository root (`""` when they are the same).
  /// An annotation points at the package's `.covgate` file, else its first Go file, else the
  /// module's `go.mod`: GitHub needs a file to pin it to.
  public static func annotations(for results: CovResults, pathPrefix: String = "") -> [ReportAnnotation] {
    let looseFails = PackageStatus.loose.failsGate(loose: results.settings.loose)
    return
      results.packages
      .filter { $0.status.isFailure || $0.status == .loose }
      .sorted { ($0.status, $0.importPath) < ($1.status, $1.importPath) }
      .map { annotation(for: $0, pathPrefix: pathPrefix, looseFails: looseFails) }
  }

  /// The most annotations ``patchAnnotations(for:includePartial:)`` returns: 20 requests of 50.
  ///
  /// GitHub sets no total, but every 50 cost one more request against the rate limit, and a
  /// reviewer reads the biggest gaps, which come first.
  public static let patchAnnotationLimit = 1_000

  /// One `warning` per missed range of changed lines, most missed lines first (then by path and
  /// line); with `includePartial`, a `notice` per partly run range after every missed one.
  ///
  /// Paths are the patch's own, already relative to the repository root (no module prefix).
  /// At most ``patchAnnotationLimit``; a results file without patch coverage gives none.
  public static func patchAnnotations(for results: CovResults, includePartial: Bool = true) -> [ReportAnnotation] {
    guard let patch = results.patch else { return [] }
    func ordered(_ ranges: KeyPath<PatchFileCoverage, [LineRange]>) -> [(path: String, range: LineRange)] {
      patch.files.filter(\.measured)
        .flatMap { file in file[keyPath: ranges].map { (path: file.path, range: $0) } }
        .sorted { ($1.range.count, $0.path, $0.range.start) < ($0.range.count, $1.path, $1.range.start) }
    }
    let missed = ordered(\.missedRanges).prefix(patchAnnotationLimit).map { path, range in
      ReportAnnotation(
        path: join("", path), startLine: range.start, endLine: range.end, level: .warning,
        title: range.count == 1 ? "Changed line not covered" : "Changed lines not covered",
        message: PatchText.missedMessage(range), importPath: "")
    }
    guard includePartial, missed.count < patchAnnotationLimit else { return missed }
    let partial = ordered(\.partialRanges).prefix(patchAnnotationLimit - missed.count).map { path, range in
      ReportAnnotation(
        path: join("", path), startLine: range.start, endLine: range.end, level: .notice,
        title: range.count == 1 ? "Changed line partly covered" : "Changed lines partly covered",
        message: PatchText.partialMessage(range), importPath: "")
    }
    return missed + partial
  }

  static func annotation(for package: PackageResult, pathPrefix: String, looseFails: Bool) -> ReportAnnotation {
    let coverage = package.coverage
    let statements = "\(coverage.covered) of \(coverage.total) statements covered"
    let title: String
    var message: String
    var level = ReportAnnotation.Level.failure
    switch package.status {
    case .buildFail:
      title = "build failed"
      message = package.reason.isEmpty ? "the package or its tests do not compile" : package.reason
      let firstLines = MarkdownText.plain(package.output).split(separator: "\n").prefix(5)
      if !firstLines.isEmpty { message += "\n" + firstLines.joined(separator: "\n") }
    case .testFail:
      title = "tests failed"
      message = ReasonText.testFailureLead(package)
      let names = package.failedTests
      if !names.isEmpty {
        message +=
          ": " + names.prefix(10).joined(separator: ", ") + (names.count > 10 ? " and \(names.count - 10) more" : "")
      }
    case .loose:
      title = "floor is loose"
      level = looseFails ? .failure : .warning
      message =
        package.reason.isEmpty
        ? "the floor \(package.floor) lags coverage \(coverage.formatted()) by more than the tolerance" : package.reason
      if let suggested = package.suggestedFloor {
        message += ". Write \(suggested) to \(package.floorFile ?? join(package.directory, FloorFile.fileName))"
      }
    default:
      title = coverage.meets(package.floor) ? "coverage dropped" : "coverage below floor"
      message =
        package.reason.isEmpty
        ? "coverage \(coverage.formatted()) is below the floor \(package.floor)" : package.reason
      message += " (\(statements))"
    }
    let file = package.floorFile ?? package.firstGoFile ?? "go.mod"
    return ReportAnnotation(
      path: join(pathPrefix, file), level: level,
      title: MarkdownText.revealingBidi("\(title): \(package.importPath)"),
      message: MarkdownText.revealingBidi(message), importPath: package.importPath)
  }

  /// `prefix/path` without `./`, doubled or trailing slashes.
  static func join(_ prefix: String, _ path: String) -> String {
    let parts = (prefix.split(separator: "/") + path.split(separator: "/")).filter { $0 != "." && !$0.isEmpty }
    return parts.joined(separator: "/")
  }
}
