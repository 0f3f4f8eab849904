import CovEngine

/// The words a report puts before a test-failing package's failing test names.
///
/// The engine's schema-1 sentence for failing tests already lists names (`failing tests: TestA`),
/// and every report appends the names itself, in its own format: reports start from the cause,
/// so a name appears once (it used to read `failing tests: TestA: TestA`).
enum ReasonText {
  /// `2 tests failed`, the process failure's sentence, or (for results written without a cause)
  /// the stored reason.
  static func testFailureLead(_ package: PackageResult) -> String {
    let count = package.failedTests.count
    let counted = count == 0 ? "tests failed" : MarkdownText.plural(count, "test") + " failed"
    switch package.cause {
    case .failingTests?:
      return counted
    case .processFailure(let sentence)?:
      return sentence
    case .some:
      return package.reason.isEmpty ? counted : package.reason
    case nil:
      // Written before `cause` existed: the engine's own sentence lists the names already.
      return package.reason.isEmpty || package.reason.hasPrefix("failing tests") ? counted : package.reason
    }
  }
}
