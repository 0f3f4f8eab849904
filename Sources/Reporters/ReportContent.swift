import CovEngine

/// Everything a Markdown report could show, escaped; ``view(limits:)`` picks how many rows fit.
struct ReportContent {
  /// The report's sections, each cut independently when the report is too long.
  enum Section: CaseIterable {
    case patchFiles, lowered, attention, loose, drops, floorChanges, membership, outputs, packages
  }

  /// Least important first: the order in which sections lose rows when the report is too long.
  static let cutOrder: [Section] = [
    .packages, .outputs, .membership, .floorChanges, .drops, .patchFiles, .loose, .attention, .lowered,
  ]

  /// The view with every row.
  private(set) var full: ReportView
  /// Where the reader finds what was cut, e.g. `see the job summary`.
  let seeAlso: String

  /// Builds the content for `results`.
  ///
  /// - Parameters:
  ///   - marker: the hidden marker line, or `""`.
  ///   - includeOutputs: whether to show failing packages' go output (the job summary does).
  ///   - caps: the most rows a section may ever show (the comment shows the 10 biggest drops).
  ///   - seeAlso: where the reader finds the rows that were cut.
  ///   - links: where changed files and lines link to (the pull request's head commit), or `nil`.
  init(
    results: CovResults, runURL: String?, marker: String, includeOutputs: Bool, caps: [Section: Int],
    seeAlso: String, links: SourceLinks? = nil
  ) {
    self.seeAlso = seeAlso
    let diff = results.diff
    let deltas = Dictionary(
      (diff?.packages ?? []).map { ($0.importPath, $0) }, uniquingKeysWith: { first, _ in first })
    let ordered = results.packages.sorted { ($0.status, $0.importPath) < ($1.status, $1.importPath) }
    let failing = ordered.filter(\.status.isFailure)
    let verdict = results.verdict
    let timings = results.timings
    var timing =
      "measure \(TerminalTable.duration(timings.measureSeconds)) · total "
      + TerminalTable.duration(timings.totalSeconds)
    if timings.prewarmSeconds > 0 { timing = "pre-warm \(TerminalTable.duration(timings.prewarmSeconds)) · " + timing }
    var footer = ["covbot \(results.toolVersion)", results.goVersion, results.strategy.rawValue]
    if let commit = results.commit { footer.append("commit \(commit.prefix(12))") }
    if let shard = results.shard { footer.append("shard \(shard.index)/\(shard.count)") }
    let base = diff?.baseCommit.map { "base \($0.prefix(12))" } ?? "base"

    full = ReportView(
      marker: marker,
      passed: verdict.passed,
      interrupted: results.interrupted,
      headline: verdict.passed ? "✅ Coverage gate passed" : "❌ Coverage gate failed",
      verdictLine: MarkdownText.escape(MarkdownReport.oneLineVerdict(for: results), limit: 1_000),
      totalCoverage: verdict.coverage.formatted(),
      statements: "\(MarkdownText.grouped(verdict.coveredStatements)) of "
        + MarkdownText.plural(verdict.totalStatements, "statement"),
      hasDiff: diff != nil,
      baseLabel: MarkdownText.escape(base),
      diffQuiet: false,
      patch: results.patch.map(PatchView.init),
      patchFiles: Self.section(Self.patchFileRows(results.patch, links: links)),
      lowered: Self.section((diff?.loweredFloors ?? []).map(Self.floorChangeRow)),
      attention: Self.section(failing.map(Self.attentionRow)),
      loose: Self.section(ordered.filter { $0.status == .loose }.map(Self.looseRow)),
      // A drop that rounds to −0.0 points is noise in a table of tenths.
      drops: Self.section((diff?.drops ?? []).filter { ($0.deltaPoints ?? 0) <= -0.05 }.map(Self.deltaRow)),
      floorChanges: Self.section((diff?.floorChanges ?? []).filter { $0.kind != .lowered }.map(Self.floorChangeRow)),
      membership: Self.section((diff?.packages ?? []).filter { $0.presence != .both }.map(Self.membershipRow)),
      outputs: Self.section(
        includeOutputs ? failing.filter { $0.status != .fail && !$0.output.isEmpty }.map(Self.outputRow) : []),
      packages: Self.section(ordered.map { Self.packageRow($0, delta: deltas[$0.importPath]) }),
      timings: timing,
      footer: MarkdownText.escape(footer.joined(separator: " · "), limit: 1_000),
      runURL: runURL.map(MarkdownText.linkDestination)
    )
    if let diff {
      full.diffQuiet = diff.drops.isEmpty && diff.floorChanges.isEmpty && full.membership.total == 0
    }
    // A cap is permanent: the rows beyond it are gone, and the section's note counts them.
    full = view(limits: caps)
  }

  /// How many rows `section` can show (after its cap).
  func rowCount(_ section: Section) -> Int {
    switch section {
    case .patchFiles: full.patchFiles.rows.count
    case .lowered: full.lowered.rows.count
    case .attention: full.attention.rows.count
    case .loose: full.loose.rows.count
    case .drops: full.drops.rows.count
    case .floorChanges: full.floorChanges.rows.count
    case .membership: full.membership.rows.count
    case .outputs: full.outputs.rows.count
    case .packages: full.packages.rows.count
    }
  }

  /// The view with at most `limits[section]` rows per section (all rows where no limit is given).
  func view(limits: [Section: Int]) -> ReportView {
    var view = full
    cut(&view.patchFiles, limits[.patchFiles], "more files")
    cut(&view.lowered, limits[.lowered], "more lowered floors")
    cut(&view.attention, limits[.attention], "more packages need attention")
    cut(&view.loose, limits[.loose], "more loose floors")
    cut(&view.drops, limits[.drops], "more packages lost coverage")
    cut(&view.floorChanges, limits[.floorChanges], "more floor changes")
    cut(&view.membership, limits[.membership], "more packages added or removed")
    cut(&view.outputs, limits[.outputs], "more failing packages' output left out")
    cut(&view.packages, limits[.packages], "more packages")
    return view
  }

  private func cut<Row>(_ section: inout SectionView<Row>, _ limit: Int?, _ what: String) {
    guard let limit, limit < section.rows.count else { return }
    let hidden = section.total - limit
    section.rows.removeLast(section.rows.count - limit)
    section.note = "… and \(MarkdownText.grouped(hidden)) \(what): \(seeAlso)"
  }

  // MARK: - Rows

  private static func section<Row>(_ rows: [Row]) -> SectionView<Row> {
    SectionView(rows: rows, shown: !rows.isEmpty, total: rows.count, note: nil)
  }

  /// The most missed ranges a file's row links; the rest are counted.
  static let rangesPerFile = 10

  /// The changed files, most missed lines first (then by path).
  static func patchFileRows(_ patch: PatchResult?, links: SourceLinks?) -> [PatchFileRow] {
    guard let patch else { return [] }
    return patch.files
      .sorted { ($1.missedLines, $0.path) < ($0.missedLines, $1.path) }
      .map { patchFileRow($0, links: links) }
  }

  static func patchFileRow(_ file: PatchFileCoverage, links: SourceLinks?) -> PatchFileRow {
    let name = MarkdownText.escape(file.path)
    let linked = links.map { "[\(name)](\(MarkdownText.linkDestination($0.url(path: file.path))))" } ?? name
    guard file.measured else {
      return PatchFileRow(
        file: linked, changed: MarkdownText.grouped(file.changedLines), coverage: "not measured", covered: "—",
        partial: "—", missed: "—", ranges: "—")
    }
    var ranges = file.missedRanges.prefix(rangesPerFile).map { range in
      let text = PatchText.shortRange(range)
      return links.map { "[\(text)](\(MarkdownText.linkDestination($0.url(path: file.path, lines: range))))" } ?? text
    }
    if file.missedRanges.count > rangesPerFile {
      ranges.append("… \(MarkdownText.grouped(file.missedRanges.count - rangesPerFile)) more")
    }
    return PatchFileRow(
      file: linked, changed: MarkdownText.grouped(file.changedLines), coverage: file.coverage.formatted(),
      covered: MarkdownText.grouped(file.coveredLines),
      partial: MarkdownText.grouped(file.partialLines), missed: MarkdownText.grouped(file.missedLines),
      ranges: ranges.isEmpty ? "—" : ranges.joined(separator: ", "))
  }

  static func attentionRow(_ package: PackageResult) -> AttentionRow {
    var details = package.reason
    switch package.status {
    case .buildFail where details.isEmpty:
      details = "build failed"
    case .testFail:
      let names = package.failedTests
      details = ReasonText.testFailureLead(package)
      if !names.isEmpty {
        details += ": " + names.prefix(10).joined(separator: ", ")
        if names.count > 10 { details += " and \(names.count - 10) more" }
      }
    case .fail where details.isEmpty:
      details = "coverage \(package.coverage.formatted()) is below the floor \(package.floor)"
    default:
      break
    }
    return AttentionRow(
      status: package.status.label, package: MarkdownText.escape(package.importPath),
      coverage: package.coverage.formatted(), floor: "\(package.floor)",
      details: MarkdownText.escape(details, limit: 1_000))
  }

  static func looseRow(_ package: PackageResult) -> LooseRow {
    LooseRow(
      package: MarkdownText.escape(package.importPath), coverage: package.coverage.formatted(),
      floor: "\(package.floor)", suggested: package.suggestedFloor.map { "\($0)" } ?? "—",
      file: MarkdownText.escape(package.floorFile ?? FloorFile.fileName))
  }

  static func deltaRow(_ delta: PackageDelta) -> DeltaRow {
    DeltaRow(
      package: MarkdownText.escape(delta.importPath), base: percent(delta.basePercent),
      head: percent(delta.headPercent), change: delta.deltaPoints.map(MarkdownText.points) ?? "—")
  }

  static func floorChangeRow(_ change: FloorChange) -> FloorChangeRow {
    FloorChangeRow(
      package: MarkdownText.escape(change.importPath), kind: change.kind.rawValue,
      from: change.from.map { "\($0)" } ?? "—", to: change.to.map { "\($0)" } ?? "—")
  }

  static func membershipRow(_ delta: PackageDelta) -> MembershipRow {
    MembershipRow(
      package: MarkdownText.escape(delta.importPath), change: delta.presence.rawValue,
      coverage: percent(delta.presence == .removed ? delta.basePercent : delta.headPercent))
  }

  static func outputRow(_ package: PackageResult) -> OutputRow {
    var shown = FailureExcerpt.lines(of: MarkdownText.plain(package.output), limit: 60).joined(separator: "\n")
    if shown.utf8.count > 8_000 { shown = String(decoding: Array(shown.utf8.prefix(8_000)), as: UTF8.self) + "…" }
    return OutputRow(
      status: package.status.label, package: MarkdownText.escape(package.importPath),
      block: MarkdownText.codeBlock(shown))
  }

  static func packageRow(_ package: PackageResult, delta: PackageDelta?) -> PackageRow {
    let skipped = package.status == .skipped
    var floor = skipped ? "—" : "\(package.floor)"
    if !skipped && package.floorSource == .default { floor += " (default)" }
    return PackageRow(
      status: package.status.label, package: MarkdownText.escape(package.importPath),
      coverage: skipped ? "—" : package.coverage.formatted(), floor: floor,
      base: percent(delta?.basePercent), change: delta?.deltaPoints.map(MarkdownText.points) ?? "—")
  }

  /// A `Double` percentage for display, rounded down like ``StatementCoverage/formatted(decimals:)``.
  static func percent(_ value: Double?) -> String {
    // The range check keeps a value from a foreign results file from trapping the Int64 conversion.
    guard let value, value.isFinite, abs(value) < 1e15 else { return "—" }
    let tenths = (value * 10 + 1e-9).rounded(.down)
    return "\(Int64(tenths) / 10).\(Int64(tenths) % 10)%"
  }
}
