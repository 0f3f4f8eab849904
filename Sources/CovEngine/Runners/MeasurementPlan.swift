import CovBotSupport

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
  /// Flags passed through to `go test` (after `--`), validated by ``GoTestFlags``. They go after
  /// the package arguments: everything after a user's `-args` belongs to the test binary.
  var goTestFlags: [String]
  /// A scratch directory for profiles.
  var scratchDirectory: String
  /// The changed files (profile names) whose blocks the runners keep for patch coverage.
  var patchFiles: Set<String> = []

  /// The blocks of `package`'s changed files in `profile`, for patch coverage.
  func patchProfile(_ profile: CoverProfile, package: String) -> CoverProfile? {
    guard !patchFiles.isEmpty else { return nil }
    return profile.restricted(toFiles: patchFiles.filter { PatchPlan.directory(of: $0) == package })
  }

  /// `-timeout=…` for go test.
  var goTimeoutFlag: String {
    "-timeout=\(max(timeout.components.seconds, 1))s"
  }

  /// How long a test binary may run, from its `start` event, before covbot kills it: the timeout
  /// plus a grace for go's own timeout panic to print its goroutine dump.
  var testBinaryLimit: Duration { timeout + Self.grace(for: timeout) }

  /// `--timeout 5s plus 10s of grace`, for messages.
  var testBinaryLimitText: String {
    "\(timeout.goStyle) (the timeout) plus \(Self.grace(for: timeout).goStyle) of grace"
  }

  /// The bound on one per-package go process: compiling and linking (cold caches, cgo) plus the run.
  var processLimit: Duration { testBinaryLimit + .seconds(1_800) }

  /// A tenth of the timeout, between 10 s and 60 s.
  static func grace(for timeout: Duration) -> Duration {
    min(max(timeout / 10, .seconds(10)), .seconds(60))
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
      // What follows -args is the test binary's.
      if flag == "-args" || flag == "--args" { break }
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
