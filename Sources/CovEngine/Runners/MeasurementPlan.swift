/// What a runner measures: the packages, their extra test packages, and how.
struct MeasurementPlan: Sendable {
  /// Packages to measure, in scheduling order.
  var packages: [GoPackage]
  /// Extra test packages (import paths) per package import path.
  var extraTests: [String: [String]]
  /// The module root.
  var moduleDirectory: String
  /// Per-package `go test -timeout`.
  var timeout: Duration
  /// How many go processes at once (also `go test -p`).
  var parallelism: Int
  /// Flags passed through to `go test` (after `--`).
  var goTestFlags: [String]
  /// A scratch directory for profiles.
  var scratchDirectory: String

  /// `-timeout=…` for go test.
  var goTimeoutFlag: String {
    "-timeout=\(Int(timeout.components.seconds))s"
  }

  /// The build-affecting flags among `goTestFlags`, for `go list -export`.
  var buildFlags: [String] {
    let names: Set<String> = [
      "-tags", "-race", "-msan", "-asan", "-gcflags", "-asmflags", "-ldflags", "-mod", "-modfile", "-trimpath",
      "-buildvcs", "-pgo", "-overlay", "-installsuffix", "-compiler", "-gccgoflags", "-cover", "-covermode",
    ]
    var result: [String] = []
    var index = 0
    while index < goTestFlags.count {
      let flag = goTestFlags[index]
      let name = flag.split(separator: "=", maxSplits: 1).first.map(String.init) ?? flag
      let bare = name.hasPrefix("--") ? String(name.dropFirst()) : name
      if names.contains(bare) {
        result.append(flag)
        let takesValue = !["-race", "-msan", "-asan", "-trimpath", "-cover"].contains(bare)
        if takesValue && !flag.contains("=") && index + 1 < goTestFlags.count {
          result.append(goTestFlags[index + 1])
          index += 1
        }
      }
      index += 1
    }
    return result
  }
}
