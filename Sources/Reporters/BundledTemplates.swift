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
    "summary.md": #"""
    {{%CONTENT_TYPE: TEXT}}
    {{> verdict.md}}
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
