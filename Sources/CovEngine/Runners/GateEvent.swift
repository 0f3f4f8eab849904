/// Progress of a gate run, for the terminal and CI logs.
public enum GateEvent: Sendable {
  /// Packages are listed and the strategy is chosen.
  case started(packageCount: Int, strategy: Strategy, parallelism: Int)
  /// The build-cache pre-warm began.
  case prewarmStarted(packageCount: Int, command: String)
  /// The pre-warm finished.
  case prewarmFinished(seconds: Double)
  /// A package's tests began.
  case packageStarted(importPath: String)
  /// A package's tests finished (coverage may follow later in single-process mode).
  case packageFinished(importPath: String, seconds: Double, failed: Bool)
  /// The change for patch coverage is known: this many changed lines in this many files.
  case patchResolved(lines: Int, files: Int)
  /// Patch coverage was asked for where it may be missing (`auto`) and cannot be had; the gate goes on.
  case patchUnavailable(reason: String)
}

/// How the build cache is filled before parallel per-package runs.
public enum PrewarmMode: String, Sendable, CaseIterable {
  /// The cheapest that removes the stampede: `compile`.
  case auto
  /// `go list -export -deps -test`: compiles every package and test variant, links nothing.
  case compile
  /// `go test -run=^$`: compiles, links and runs every test binary (covgate's pre-warm).
  case testRun = "test-run"
  /// No pre-warm.
  case none
}

/// Which strategy to measure with.
public enum StrategyChoice: String, Sendable, CaseIterable {
  /// Single-process unless some package needs extra test directories.
  case auto
  /// One `go test -cover` for every package.
  case single
  /// One `go test -coverpkg=P` per package.
  case perPackage = "per-package"
}
