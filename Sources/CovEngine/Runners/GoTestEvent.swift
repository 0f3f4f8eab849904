import Foundation

/// One line of `go test -json` (test2json) output.
///
/// Build output arrives as `build-output` / `build-fail` events keyed by `ImportPath`
/// (e.g. `example.com/m/p [example.com/m/p.test]`); a package that could not be built ends
/// with a `fail` event whose `FailedBuild` names the package that failed to compile.
struct GoTestEvent: Decodable, Sendable {
  var Time: String?
  var Action: String
  var Package: String?
  var Test: String?
  var Elapsed: Double?
  var Output: String?
  var FailedBuild: String?
  var ImportPath: String?

  /// Decodes one line; `nil` for lines that are not test2json events (e.g. stray go output).
  static func decode(_ line: String) -> GoTestEvent? {
    guard line.first == "{" else { return nil }
    return try? JSONDecoder().decode(GoTestEvent.self, from: Data(line.utf8))
  }

  /// `example.com/m/p [example.com/m/p.test]` → `example.com/m/p`.
  static func packagePath(ofBuildTarget target: String) -> String {
    target.firstIndex(of: " ").map { String(target[..<$0]) } ?? target
  }
}
