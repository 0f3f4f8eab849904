import Foundation

/// Measures every package with one `go test -json -cover -coverprofile` process.
///
/// Go's own scheduler builds each dependency once; the merged profile is split per package.
struct SingleProcessRunner: Sendable {
  var go: GoToolchain

  func measure(
    _ plan: MeasurementPlan, events: @escaping @Sendable (GateEvent) -> Void
  ) async throws
    -> [String: PackageMeasurement]
  {
    let profilePath = plan.scratchDirectory + "/single.out"
    let packages = plan.packages.map(\.importPath)
    let arguments =
      ["test", "-json", "-cover", "-coverprofile=\(profilePath)", plan.goTimeoutFlag, "-p=\(plan.parallelism)"]
      + plan.goTestFlags + packages
    // go enforces -timeout per test binary; this outer limit only catches a wedged go command.
    let rounds = (packages.count + plan.parallelism - 1) / max(plan.parallelism, 1)
    let outerTimeout = plan.timeout * max(rounds, 1) + .seconds(600)
    let collector = Locked(TestEventCollector())
    let child = go.command(arguments, in: plan.moduleDirectory, timeout: outerTimeout)
    let start = ContinuousClock.now
    var interrupted = false
    var result: ChildProcessResult?
    do {
      result = try await child.run { line in
        if line.contains("\"Action\":\"start\""), let event = GoTestEvent.decode(line), let package = event.package {
          events(.packageStarted(importPath: package))
        }
        if let finished = collector.withLock({ $0.consume(line) }),
          let outcome = collector.withLock({ $0.outcome(for: finished) })
        {
          events(.packageFinished(importPath: finished, seconds: outcome.elapsed, failed: outcome.result == .fail))
        }
      }
    } catch is CancellationError {
      interrupted = true
    }
    let elapsed = (ContinuousClock.now - start).seconds

    let coverage: [String: StatementCoverage]
    if !interrupted, FileManager.default.fileExists(atPath: profilePath) {
      coverage = try CoverProfile.load(path: profilePath).coverageByDirectory()
    } else {
      coverage = [:]
    }
    let events = collector.value
    var measurements: [String: PackageMeasurement] = [:]
    for package in plan.packages {
      let outcome = events.outcome(for: package.importPath)
      if interrupted && (outcome == nil || coverage[package.importPath] == nil && outcome?.buildFailed != true) {
        measurements[package.importPath] = .interruptedRun
        continue
      }
      var measurement = PackageMeasurement(
        coverage: coverage[package.importPath] ?? coverage[package.directory],
        outcome: outcome, durationSeconds: outcome?.elapsed ?? elapsed)
      if let result, outcome == nil {
        measurement.processFailure = "go test reported nothing for this package (\(result.summary))"
        measurement.stderr = result.stderr + events.unclaimedBuildOutput()
      }
      measurements[package.importPath] = measurement
    }
    return measurements
  }
}
