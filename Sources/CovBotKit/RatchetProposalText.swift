import CovEngine
import Foundation
import GitHub
import Reporters

/// The texts of a ratchet proposal: the pull request's title and description, rendered from `ratchet-pr.md`
/// (first line: the title; after a blank line: the description), and the note left on a stale proposal.
struct RatchetProposalText: Sendable {
  /// The template's name.
  static let template = "ratchet-pr.md"
  /// The hidden line that marks a ratchet pull request's description.
  static let marker = "<!-- covbot:ratchet -->"
  /// The hidden line that marks the note on a proposal that is no longer needed.
  static let staleMarker = "<!-- covbot:ratchet-stale -->"
  /// GitHub's limit on a pull request's description.
  static let bodyLimit = 65_536
  /// The most packages listed in the description; the commit message lists them all.
  static let shownRows = 500

  /// The pull request's title.
  var title: String
  /// The pull request's description.
  var body: String

  /// Renders the proposal of `plan` (floor files relative to the module root, which is `prefix` in the
  /// repository); `leftOut` says which packages were left out and why (plain text, escaped here).
  init(
    plan: RatchetPlan, leftOut: [String], prefix: String, templates: TemplateLibrary, branch: String,
    base: BranchTip, commit: String?, runURL: String?
  ) throws(TemplateError) {
    let rows = plan.changes.prefix(Self.shownRows).map { change -> [String: String] in
      [
        "package": MarkdownText.escape(change.importPath),
        "oldFloor": change.oldFloor.map { "\($0)" } ?? "—",
        "newFloor": "\(change.newFloor)",
        "coverage": change.coverage.formatted(decimals: 2),
        "statements": "\(change.coverage.covered)/\(change.coverage.total)",
        "file": MarkdownText.escape(RatchetProposalRun.repositoryPath(prefix, change.floorFile)),
      ]
    }
    let hidden = plan.changes.count - rows.count
    var context: [String: Any] = [
      "title": RatchetTable.commitTitle(plan),
      "marker": Self.marker,
      "packages": "\(plan.changes.count) package\(plan.changes.count == 1 ? "" : "s")",
      "one": plan.changes.count == 1,
      "rows": rows,
      "margin": "\(plan.margin)",
      "tolerance": "\(plan.tolerance)",
      "hasLeftOut": !leftOut.isEmpty,
      "leftOut": leftOut.map { MarkdownText.escape($0) },
      // Branch names are checked (letters, digits, `._-/`) and shown in code spans, where escapes would show.
      "base": base.branch,
      "baseCommit": String(base.commit.prefix(12)),
      "branch": branch,
    ]
    if hidden > 0 {
      context["rowsNote"] = "… and \(hidden) more package\(hidden == 1 ? "" : "s"): the commit message lists them all."
    }
    if let commit { context["commit"] = String(commit.prefix(12)) }
    if let runURL { context["runURL"] = MarkdownText.linkDestination(runURL) }
    let rendered = try templates.render(context, template: Self.template)
    (title, body) = Self.split(rendered, fallbackTitle: RatchetTable.commitTitle(plan))
  }

  /// The note on a proposal that is no longer needed: always the same text, so it is posted once.
  static func staleNote(closing: Bool, tolerance: Percent) -> String {
    let finding =
      "the latest `covbot ratchet --propose` run found no floor that lags its coverage by more than the tolerance "
      + "(\(tolerance) points), so nothing is left to raise."
    if closing {
      return "\(staleMarker)\nClosing: \(finding) The next run that finds loose floors opens a new pull request.\n"
    }
    return """
      \(staleMarker)
      This pull request is no longer needed: \(finding) Close it, or leave it: the next run that finds loose floors \
      rebuilds it and removes this note. (`covbot ratchet --propose --close-stale` closes such pull requests.)

      """
  }

  /// Title (the first non-blank line) and description (the rest, without leading blank lines, within GitHub's limit).
  static func split(_ rendered: String, fallbackTitle: String) -> (title: String, body: String) {
    var lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)[...]
    while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines = lines.dropFirst() }
    let title = lines.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    lines = lines.dropFirst()
    while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines = lines.dropFirst() }
    let body = TextLimit.truncate(
      lines.joined(separator: "\n"), to: bodyLimit,
      suffix: "\n\n… (cut: GitHub limits a description to 65,536 characters)\n")
    return (title.isEmpty ? fallbackTitle : String(title.prefix(256)), body)
  }
}
