/// What the Markdown templates see.
///
/// Plain stored properties only: swift-mustache reads values through `Mirror`, so a computed
/// property would render empty. Every string is already escaped for Markdown (``MarkdownText``).
struct ReportView {
  /// The hidden marker line (comment only; empty in the summary).
  var marker: String
  /// Whether the gate passed.
  var passed: Bool
  /// Whether the run was interrupted.
  var interrupted: Bool
  /// `✅ Coverage gate passed` or `❌ Coverage gate failed`.
  var headline: String
  /// ``MarkdownReport/oneLineVerdict(for:)``, escaped.
  var verdictLine: String
  /// `81.3%`, or `—` without statements.
  var totalCoverage: String
  /// `1,234 of 1,517 statements`.
  var statements: String
  /// Whether a base results file was compared (`--base`).
  var hasDiff: Bool
  /// `base abc1234` or `base`.
  var baseLabel: String
  /// Whether there is a base and nothing changed vs it (no drop, no floor change, no package added or removed).
  var diffQuiet: Bool
  /// Patch coverage (the lines the change touched), when the results have it.
  var patch: PatchView?
  /// The changed files, most missed lines first.
  var patchFiles: SectionView<PatchFileRow>
  /// Lowered `.covgate` floors: always first, never folded.
  var lowered: SectionView<FloorChangeRow>
  /// Build failures, test failures and packages below their floor, most severe first.
  var attention: SectionView<AttentionRow>
  /// Loose floors with the floor to write.
  var loose: SectionView<LooseRow>
  /// The biggest coverage drops vs base, largest first.
  var drops: SectionView<DeltaRow>
  /// Floors raised, added or removed (lowered ones are in ``lowered``).
  var floorChanges: SectionView<FloorChangeRow>
  /// Packages added or removed since base.
  var membership: SectionView<MembershipRow>
  /// The go output of failing packages (job summary only).
  var outputs: SectionView<OutputRow>
  /// Every package, most severe first.
  var packages: SectionView<PackageRow>
  /// `pre-warm 1.20s · measure 8.40s · total 10.1s`.
  var timings: String
  /// `covbot 0.4.0 · go1.27.3 · per-package · commit abc1234`.
  var footer: String
  /// The Actions run, already safe as a link destination.
  var runURL: String?
}

/// One section of the report: the rows that fit, and a note saying how many did not.
struct SectionView<Row> {
  /// The rows shown.
  var rows: [Row]
  /// Whether the section has anything (even when every row was cut): its heading shows.
  var shown: Bool
  /// How many rows the section has in all.
  var total: Int
  /// `… and 312 more packages: see the job summary`, when rows were cut.
  var note: String?
}

/// A package that needs attention.
struct AttentionRow {
  var status: String
  var package: String
  var coverage: String
  var floor: String
  var details: String
}

/// A loose floor and the floor to write.
struct LooseRow {
  var package: String
  var coverage: String
  var floor: String
  var suggested: String
  var file: String
}

/// A package's coverage vs base.
struct DeltaRow {
  var package: String
  var base: String
  var head: String
  var change: String
}

/// A `.covgate` floor that changed.
struct FloorChangeRow {
  var package: String
  var kind: String
  var from: String
  var to: String
}

/// A package that exists only in head or only in base.
struct MembershipRow {
  var package: String
  var change: String
  var coverage: String
}

/// A failing package's go output, as a fenced code block.
struct OutputRow {
  var status: String
  var package: String
  var block: String
}

/// One row of the full package table.
struct PackageRow {
  var status: String
  var package: String
  var coverage: String
  var floor: String
  var base: String
  var change: String
}

/// Turns a view model into nested dictionaries for swift-mustache.
///
/// swift-mustache looks a name up with `Mirror` on every access, and a name not found on a row
/// is looked for again on every enclosing object: with 5,000 rows that is most of the time a
/// report takes. Dictionaries are looked up directly, so the view is reflected once instead.
enum TemplateContext {
  /// `value` with every struct turned into `[String: Any]`, arrays mapped, and `nil` optionals left out.
  static func make(_ value: Any) -> Any? {
    if let array = value as? [Any] { return array.compactMap(make) }
    if value is String || value is Bool || value is Int { return value }
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional:
      return mirror.children.first.flatMap { make($0.value) }
    case .struct:
      var dictionary: [String: Any] = [:]
      for child in mirror.children {
        if let label = child.label, let converted = make(child.value) { dictionary[label] = converted }
      }
      return dictionary
    default:
      return value
    }
  }
}
