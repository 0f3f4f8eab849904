/// The JUnit XML report could not be produced.
public struct JUnitError: Error, Sendable, CustomStringConvertible {
  /// What went wrong.
  public var reason: String

  /// Creates an error saying what went wrong.
  public init(reason: String) {
    self.reason = reason
  }

  public var description: String {
    "cannot write the JUnit XML report: \(reason). This is a covbot bug if memory is not short: "
      + "please report it with the results file attached."
  }
}
