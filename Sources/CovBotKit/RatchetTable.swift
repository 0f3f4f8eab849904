import CovEngine

/// The ratchet's table (PACKAGE, OLD, NEW, COVERAGE) and commit message.
enum RatchetTable {
  static func render(_ plan: RatchetPlan) -> String {
    let width = max(7, plan.changes.map(\.importPath.count).max() ?? 0)
    var lines = [
      "PACKAGE".padding(width) + "  " + "OLD".padding(6, right: true) + "  "
        + "NEW".padding(6, right: true) + "  COVERAGE"
    ]
    for change in plan.changes {
      lines.append(
        change.importPath.padding(width) + "  " + (change.oldFloor.map { "\($0)" } ?? "—").padding(6, right: true)
          + "  " + "\(change.newFloor)".padding(6, right: true) + "  " + change.coverage.formatted(decimals: 2))
      if !change.sharedBy.isEmpty {
        lines.append(
          "  \(change.floorFile) is shared by \(change.sharedBy.joined(separator: ", ")): the lowest of their floors")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func commitTitle(_ plan: RatchetPlan) -> String {
    let count = plan.changes.count
    return "covbot: raise the coverage floor of \(count) package\(count == 1 ? "" : "s")"
  }

  static func commitMessage(_ plan: RatchetPlan) -> String {
    var message = commitTitle(plan) + "\n\n"
    for change in plan.changes {
      let old = change.oldFloor.map { "\($0)" } ?? "none"
      message +=
        "- \(change.importPath): \(old) → \(change.newFloor) (coverage \(change.coverage.formatted(decimals: 2)))\n"
    }
    message +=
      "\nNew floor = coverage − \(plan.margin) points, rounded down to one decimal (tolerance \(plan.tolerance)).\n"
    return message
  }
}

extension String {
  fileprivate func padding(_ width: Int, right: Bool = false) -> String {
    let pad = String(repeating: " ", count: max(0, width - count))
    return right ? pad + self : self + pad
  }
}
