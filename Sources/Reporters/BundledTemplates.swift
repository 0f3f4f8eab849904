// Generated from templates/*.mustache by Tests/ReportersTests/BundledTemplatesTests.swift. Do not edit:
// change the template, then run `COVBOT_UPDATE_TEMPLATES=1 swift test --filter BundledTemplatesTests`.

/// The templates in `templates/`, compiled in so an installed binary needs no files beside it.
enum BundledTemplates {
  /// Template name (file name without `.mustache`) → template text.
  static let all: [String: String] = [
    "attention.md": #"""
    {{%CONTENT_TYPE: TEXT}}
    {{#attention.shown}}

    #### Failing packages

    | Status | Package | Coverage | Floor | Why |
    |:--|:--|--:|--:|:--|
    {{#attention.rows}}
    | {{status}} | {{package}} | {{coverage}} | {{floor}} | {{details}} |
    {{/attention.rows}}
    {{#attention.note}}

    {{.}}
    {{/attention.note}}
    {{/attention.shown}}
    {{#loose.shown}}

    #### Loose floors

    Coverage is ahead of these floors by more than the tolerance: raise them to lock the gain in.

    | Package | Coverage | Floor | Write | To |
    |:--|--:|--:|--:|:--|
    {{#loose.rows}}
    | {{package}} | {{coverage}} | {{floor}} | {{suggested}} | {{file}} |
    {{/loose.rows}}
    {{#loose.note}}

    {{.}}
    {{/loose.note}}
    {{/loose.shown}}

    """#,
    "comment.md": #"""
    {{%CONTENT_TYPE: TEXT}}
    {{marker}}
    {{> verdict.md}}
    {{> patch.md}}
    {{> lowered-floors.md}}
    {{> attention.md}}
    {{> diff.md}}
    {{> packages.md}}
    {{> footer.md}}

    """#,
    "diff.md": #"""
    {{%CONTENT_TYPE: TEXT}}
    {{#drops.shown}}

    #### Biggest drops vs {{baseLabel}}

    | Package | Base | Now | Change |
    |:--|--:|--:|--:|
    {{#drops.rows}}
    | {{package}} | {{base}} | {{head}} | {{change}} |
    {{/drops.rows}}
    {{#drops.note}}

    {{.}}
    {{/drops.note}}
    {{/drops.shown}}
    {{#floorChanges.shown}}

    #### Floor changes

    | Package | Change | Before | After |
    |:--|:--|--:|--:|
    {{#floorChanges.rows}}
    | {{package}} | {{kind}} | {{from}} | {{to}} |
    {{/floorChanges.rows}}
    {{#floorChanges.note}}

    {{.}}
    {{/floorChanges.note}}
    {{/floorChanges.shown}}
    {{#membership.shown}}

    #### Packages added or removed since {{baseLabel}}

    | Package | Change | Coverage |
    |:--|:--|--:|
    {{#membership.rows}}
    | {{package}} | {{change}} | {{coverage}} |
    {{/membership.rows}}
    {{#membership.note}}

    {{.}}
    {{/membership.note}}
    {{/membership.shown}}
    {{#diffQuiet}}

    No package lost coverage and no floor changed vs {{baseLabel}}.
    {{/diffQuiet}}

    """#,
    "footer.md": #"""
    {{%CONTENT_TYPE: TEXT}}

    <sub>{{timings}} · {{footer}}{{#runURL}} · [workflow run]({{.}}){{/runURL}}</sub>

    """#,
    "lowered-floors.md": #"""
    {{%CONTENT_TYPE: TEXT}}
    {{#lowered.shown}}

    #### ⚠️ Floors lowered by this change

    | Package | Floor before | Floor after |
    |:--|--:|--:|
    {{#lowered.rows}}
    | {{package}} | {{from}} | {{to}} |
    {{/lowered.rows}}
    {{#lowered.note}}

    {{.}}
    {{/lowered.note}}
    {{/lowered.shown}}

    """#,
    "outputs.md": #"""
    {{%CONTENT_TYPE: TEXT}}
    {{#outputs.shown}}

    #### Go output of failing packages
    {{#outputs.rows}}

    <details><summary>{{status}} {{package}}</summary>

    {{block}}

    </details>
    {{/outputs.rows}}
    {{#outputs.note}}

    {{.}}
    {{/outputs.note}}
    {{/outputs.shown}}

    """#,
    "packages.md": #"""
    {{%CONTENT_TYPE: TEXT}}
    {{#packages.shown}}

    <details><summary>All {{packages.total}} packages</summary>

    {{#hasDiff}}
    | Status | Package | Coverage | Base | Change | Floor |
    |:--|:--|--:|--:|--:|--:|
    {{/hasDiff}}
    {{^hasDiff}}
    | Status | Package | Coverage | Floor |
    |:--|:--|--:|--:|
    {{/hasDiff}}
    {{#packages.rows}}
    | {{status}} | {{package}} | {{coverage}} |{{#hasDiff}} {{base}} | {{change}} |{{/hasDiff}} {{floor}} |
    {{/packages.rows}}
    {{#packages.note}}

    {{.}}
    {{/packages.note}}

    </details>
    {{/packages.shown}}

    """#,
    "patch.md": #"""
    {{%CONTENT_TYPE: TEXT}}
    {{#patch}}

    #### {{icon}} Patch coverage: {{figure}}

    {{sentence}}{{#base}} {{.}}{{/base}}
    {{/patch}}
    {{#patchFiles.shown}}

    | File | Changed | Covered | Partly | Not run | Coverage | Lines not run |
    |:--|--:|--:|--:|--:|--:|:--|
    {{#patchFiles.rows}}
    | {{file}} | {{changed}} | {{covered}} | {{partial}} | {{missed}} | {{coverage}} | {{ranges}} |
    {{/patchFiles.rows}}
    {{#patchFiles.note}}

    {{.}}
    {{/patchFiles.note}}
    {{/patchFiles.shown}}

    """#,
    "ratchet-pr.md": #"""
    {{%CONTENT_TYPE: TEXT}}
    {{title}}

    {{marker}}
    Coverage of {{packages}} is ahead of {{#one}}its floor{{/one}}{{^one}}their floors{{/one}} by more than the tolerance ({{tolerance}} points). Merging this pull request raises {{#one}}the floor{{/one}}{{^one}}the floors{{/one}} in the `.covgate` {{#one}}file{{/one}}{{^one}}files{{/one}} to lock the gain in: a later change that drops coverage below {{#one}}it{{/one}}{{^one}}them{{/one}} fails the gate.

    | Package | Floor | New floor | Coverage | Statements | File |
    |:--|--:|--:|--:|--:|:--|
    {{#rows}}
    | {{package}} | {{oldFloor}} | **{{newFloor}}** | {{coverage}} | {{statements}} | {{file}} |
    {{/rows}}
    {{#rowsNote}}

    {{.}}
    {{/rowsNote}}

    **How the new floors were chosen:** new floor = measured coverage − {{margin}} points (`--margin`), rounded down to one decimal, and raised where needed so that gating the same results again passes without LOOSE (tolerance {{tolerance}} points). Floors are never lowered, and packages whose tests or build failed are left alone.
    {{#hasLeftOut}}

    #### Left out

    {{#leftOut}}
    - {{.}}
    {{/leftOut}}
    {{/hasLeftOut}}

    Measured{{#commit}} at {{.}}{{/commit}}{{#runURL}} in [this workflow run]({{.}}){{/runURL}}; proposed on top of `{{base}}` at {{baseCommit}}.

    ---
    <sub>Opened by `covbot ratchet --propose`, which keeps this pull request up to date: the branch `{{branch}}` is rebuilt on top of `{{base}}` on every run, so commits pushed to it are dropped. Close it to skip this round; the next run that finds loose floors opens a new one.</sub>

    """#,
    "summary.md": #"""
    {{%CONTENT_TYPE: TEXT}}
    {{> verdict.md}}
    {{> patch.md}}
    {{> lowered-floors.md}}
    {{> attention.md}}
    {{> outputs.md}}
    {{> diff.md}}
    {{> packages.md}}
    {{> footer.md}}

    """#,
    "threshold-diff.md": #"""
    {{%CONTENT_TYPE: TEXT}}
    ### Coverage vs {{baseLabel}}
    {{> lowered-floors.md}}
    {{> diff.md}}
    {{> packages.md}}

    """#,
    "verdict.md": #"""
    {{%CONTENT_TYPE: TEXT}}
    ### {{headline}}

    **{{verdictLine}}** ({{statements}})
    {{#interrupted}}

    > [!WARNING]
    > The run was interrupted before every package was measured: these results are incomplete.
    {{/interrupted}}

    """#,
  ]
}
