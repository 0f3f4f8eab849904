/// Something the benchmark could not do, and what to do about it.
struct BenchError: Error, Sendable, CustomStringConvertible {
  /// What failed.
  var what: String
  /// What to do next.
  var next: String

  /// Creates an error saying what failed and what to do next.
  init(_ what: String, next: String) {
    self.what = what
    self.next = next
  }

  var description: String { "\(what). \(next)" }
}
