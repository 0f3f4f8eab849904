import CovEngine

/// Renders the PR comment and job summary from Mustache templates.
///
/// Most important first: the verdict, lowered floors, failing packages, loose floors, the biggest
/// drops vs base; then every package in `<details>`, the timings and a link to the run. When a
/// report would be too long for GitHub, the least important rows go first and a note says how
/// many were left out and where to find them.
public struct MarkdownReport: Sendable {
  /// A PR comment must stay under this many characters (GitHub rejects longer bodies); counted in UTF-8 bytes.
  public static let commentLimit = 65_536
  /// A job summary must stay under 1 MiB (GitHub drops larger ones); counted in UTF-8 bytes.
  public static let summaryLimit = 1_048_576
  /// The comment key when none is configured.
  public static let defaultCommentKey = "default"

  /// The template of the PR comment.
  public static let commentTemplate = "comment.md"
  /// The template of the job summary.
  public static let summaryTemplate = "summary.md"
  /// The template of the standalone threshold diff (`covbot report --diff --format markdown`).
  public static let thresholdDiffTemplate = "threshold-diff.md"

  /// The templates rendered from.
  public let templates: TemplateLibrary

  /// Loads the bundled templates, overridden by any in `templateDirectory`.
  public init(templateDirectory: String?) throws {
    try self.init(templates: TemplateLibrary(directory: templateDirectory))
  }

  /// Renders from `templates`.
  public init(templates: TemplateLibrary) {
    self.templates = templates
  }

  /// The hidden marker line that identifies the sticky comment for `key`.
  ///
  /// Characters other than letters, digits and `._/-` in the key become `-`, so no key can end
  /// the HTML comment early.
  public static func marker(forKey key: String) -> String {
    let safe = String(
      key.unicodeScalars.map { scalar -> Character in
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._/-".unicodeScalars.contains(scalar)
          ? Character(scalar) : "-"
      })
    return "<!-- covbot:comment key=\(safe) -->"
  }

  /// The most changed files the comment lists in its patch table (the job summary lists all).
  public static let commentPatchFiles = 25

  /// The PR comment (under 65,536 characters), with the marker line for `commentKey`.
  ///
  /// With `links`, each changed file and missed range of the patch section links to its lines at
  /// the pull request's head commit.
  public func comment(
    for results: CovResults, runURL: String?, commentKey: String, links: SourceLinks? = nil
  ) throws -> String {
    let marker = Self.marker(forKey: commentKey)
    let content = ReportContent(
      results: results, runURL: runURL, marker: marker, includeOutputs: false,
      caps: [.drops: 10, .membership: 10, .floorChanges: 20, .patchFiles: Self.commentPatchFiles],
      seeAlso: "see the job summary", links: links)
    var text = try fit(content, template: Self.commentTemplate, limit: Self.commentLimit - marker.utf8.count - 1)
    // Publishing finds the sticky comment by its marker, so a custom template cannot lose it.
    if !text.contains(marker) { text = marker + "\n" + text }
    return text
  }

  /// The job summary (under 1 MiB); `links` as for ``comment(for:runURL:commentKey:links:)``.
  public func summary(for results: CovResults, runURL: String?, links: SourceLinks? = nil) throws -> String {
    let content = ReportContent(
      results: results, runURL: runURL, marker: "", includeOutputs: true, caps: [:],
      seeAlso: "see the JUnit report, or run `covbot report` on the results file", links: links)
    return try fit(content, template: Self.summaryTemplate, limit: Self.summaryLimit)
  }

  /// The threshold diff alone (lowered floors, drops, floor changes, every package vs base).
  ///
  /// Throws when `results` has no diff: compute it with ``ThresholdDiff/init(head:base:)`` first.
  public func thresholdDiff(for results: CovResults) throws -> String {
    guard results.diff != nil else {
      throw TemplateError(
        template: Self.thresholdDiffTemplate, reason: "the results hold no threshold diff; pass --base FILE")
    }
    let content = ReportContent(
      results: results, runURL: nil, marker: "", includeOutputs: false, caps: [:],
      seeAlso: "run `covbot report --diff --format text` for all of them")
    return try fit(content, template: Self.thresholdDiffTemplate, limit: Self.summaryLimit)
  }

  /// A one-line verdict, e.g. `FAIL: 2 of 14 packages fail the gate: 2 below floor; total 81.3%`.
  ///
  /// Short enough for a commit status description (140 characters) in the common cases.
  public static func oneLineVerdict(for results: CovResults) -> String {
    let verdict = results.verdict
    let settings = results.settings
    let looseFails = PackageStatus.loose.failsGate(loose: settings.loose)
    var failing: [String] = []
    for status in PackageStatus.allCases.filter(\.isFailure).sorted() where verdict.count(status) > 0 {
      let label =
        switch status {
        case .fail: settings.maxDrop == nil ? "below floor" : "below floor or dropped too far"
        default: status.rawValue
        }
      failing.append("\(verdict.count(status)) \(label)")
    }
    let loose = verdict.count(.loose)
    if looseFails && loose > 0 { failing.append(MarkdownText.plural(loose, "loose floor")) }
    let patchClause = PatchText.verdictClause(for: results.patch)
    let failingCount =
      verdict.count(.buildFail) + verdict.count(.testFail) + verdict.count(.fail) + (looseFails ? loose : 0)
    let total = verdict.coverage.total > 0 ? "total \(verdict.coverage.formatted())" : "no statements measured"
    let packages = results.packages.count

    var extras: [String] = []
    if !looseFails && loose > 0 { extras.append(MarkdownText.plural(loose, "loose floor") + " (warning)") }
    let skipped = verdict.count(.skipped)
    if skipped > 0 { extras.append("\(skipped) skipped") }
    let extra = extras.isEmpty ? "" : " (\(extras.joined(separator: ", ")))"

    if verdict.passed {
      return "PASS: \(MarkdownText.plural(packages - skipped, "package")) meet their floors\(extra); \(total)"
    }
    let head = results.interrupted ? "FAIL (interrupted)" : "FAIL"
    if failingCount == 0 {
      // Every package passed: the patch floor failed the gate, or the run was cut short.
      if let patchClause, !results.interrupted { return "\(head): \(patchClause)\(extra); \(total)" }
      return "\(head): the run stopped before every package was measured\(extra); \(total)"
    }
    return "\(head): \(failingCount) of \(MarkdownText.plural(packages, "package")) fail the gate: "
      + "\(failing.joined(separator: ", "))\(patchClause.map { ", \($0)" } ?? "")\(extra); \(total)"
  }

  // MARK: - Fitting into GitHub's limits

  /// Renders `template`, cutting the least important rows until the text is under `limit` UTF-8 bytes.
  ///
  /// Sections lose rows in ``ReportContent/cutOrder``. Within a section, how many rows still fit
  /// is extrapolated from the average row size (rows of a table are about the same size), with
  /// bisection as the fallback when rows vary too much: a 5,000-package comment takes about five
  /// renders, not thousands.
  func fit(_ content: ReportContent, template: String, limit: Int) throws(TemplateError) -> String {
    var limits: [ReportContent.Section: Int] = [:]
    var text = try render(content.view(limits: limits), template: template)
    guard text.utf8.count >= limit else { return text }
    for section in ReportContent.cutOrder {
      let rows = content.rowCount(section)
      guard rows > 0 else { continue }
      let tooMany = text.utf8.count
      limits[section] = 0
      let without = try render(content.view(limits: limits), template: template)
      guard without.utf8.count < limit else {
        text = without
        continue
      }
      var fits = (count: 0, text: without)
      var tooBig = (count: rows, size: tooMany)
      var guesses = 0
      while tooBig.count - fits.count > 1 {
        var guess = (fits.count + tooBig.count) / 2
        // Extrapolate from the average row so far; bisect only if rows vary so much that guessing keeps failing.
        if guesses < 6 {
          let fitsSize = fits.text.utf8.count
          let perRow =
            fits.count > 0
            ? Double(fitsSize - without.utf8.count) / Double(fits.count)
            : Double(tooBig.size - fitsSize) / Double(tooBig.count)
          guess = fits.count + Int(Double(limit - 1 - fitsSize) / max(perRow, 1))
          guesses += 1
        }
        guess = min(max(guess, fits.count + 1), tooBig.count - 1)
        limits[section] = guess
        let candidate = try render(content.view(limits: limits), template: template)
        if candidate.utf8.count < limit {
          fits = (guess, candidate)
        } else {
          tooBig = (guess, candidate.utf8.count)
        }
      }
      return fits.text
    }
    return Self.hardCut(text, limit: limit, seeAlso: content.seeAlso)
  }

  private func render(_ view: ReportView, template: String) throws(TemplateError) -> String {
    try templates.render(TemplateContext.make(view) ?? [:], template: template)
  }

  /// The last resort when even the report without rows is too long (a verbose custom template):
  /// cut at a line break and say so.
  static func hardCut(_ text: String, limit: Int, seeAlso: String) -> String {
    let note = "\n\n… the rest of this report was cut to fit GitHub's size limit: \(seeAlso)\n"
    let budget = max(0, limit - note.utf8.count - 4)
    var kept = Substring(text).utf8.prefix(budget)
    if let newline = kept.lastIndex(of: UInt8(ascii: "\n")) { kept = kept[..<newline] }
    return String(decoding: kept, as: UTF8.self) + note
  }
}
