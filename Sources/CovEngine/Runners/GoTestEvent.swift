import Foundation

/// One line of `go test -json` (test2json) output.
///
/// Build output arrives as `build-output` / `build-fail` events keyed by `ImportPath`
/// (e.g. `example.com/m/p [example.com/m/p.test]`); a package that could not be built ends
/// with a `fail` event whose `FailedBuild` names the package that failed to compile.
struct GoTestEvent: Decodable, Sendable {
  var time: String?
  var action: String
  var package: String?
  var test: String?
  var elapsed: Double?
  var output: String?
  var failedBuild: String?
  var importPath: String?

  enum CodingKeys: String, CodingKey {
    case time = "Time"
    case action = "Action"
    case package = "Package"
    case test = "Test"
    case elapsed = "Elapsed"
    case output = "Output"
    case failedBuild = "FailedBuild"
    case importPath = "ImportPath"
  }

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
