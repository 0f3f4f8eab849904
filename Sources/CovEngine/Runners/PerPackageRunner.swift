import Foundation

/// Measures each package with its own `go test -json -coverpkg=P -coverprofile` process, N at once.
///
/// covgate's model: needed when tests for a package live elsewhere (extra test packages). A
/// pre-warm fills the build cache first so N processes don't compile the same dependencies at once.
struct PerPackageRunner: Sendable {
  var go: GoToolchain

  func measure(
    _ plan: MeasurementPlan, events: @escaping @Sendable (GateEvent) -> Void
  ) async throws
    -> [String: PackageMeasurement]
  {
    var measurements: [String: PackageMeasurement] = [:]
    let width = max(plan.parallelism, 1)
    try await withThrowingTaskGroup(of: (String, PackageMeasurement).self) { group in
      var queue = plan.packages.enumerated().makeIterator()
      func launchNext() -> Bool {
        guard !Task.isCancelled, let (index, package) = queue.next() else { return false }
        group.addTask {
          (package.importPath, await measureOne(package, index: index, plan: plan, events: events))
        }
        return true
      }
      for _ in 0..<width where !launchNext() { break }
      // A free worker takes the next package at once; results are ordered later, never waited on.
      while let (importPath, measurement) = try await group.next() {
        measurements[importPath] = measurement
        _ = launchNext()
      }
    }
    for package in plan.packages where measurements[package.importPath] == nil {
      measurements[package.importPath] = .interruptedRun
    }
    return measurements
  }

  private func measureOne(
    _ package: GoPackage, index: Int, plan: MeasurementPlan, events: @escaping @Sendable (GateEvent) -> Void
  ) async -> PackageMeasurement {
    if Task.isCancelled { return .interruptedRun }
    let profilePath = "\(plan.scratchDirectory)/pkg-\(index).out"
    let extras = plan.extraTests[package.importPath] ?? []
    let arguments =
      ["test", "-json", "-coverpkg=\(package.importPath)", "-coverprofile=\(profilePath)", plan.goTimeoutFlag]
      + plan.goTestFlags + [package.importPath] + extras
    // go's -timeout covers the test binary; the grace covers compiling and linking it.
    let child = go.command(arguments, in: plan.moduleDirectory, timeout: plan.timeout + .seconds(300))
    let collector = Locked(TestEventCollector())
    events(.packageStarted(importPath: package.importPath))
    let result: ChildProcessResult
    do {
      result = try await child.run { line in collector.withLock { _ = $0.consume(line) } }
    } catch {
      return .interruptedRun
    }
    let testEvents = collector.value
    var outcome = testEvents.outcome(for: package.importPath)
    for extra in extras {
      guard let extraOutcome = testEvents.outcome(for: extra) else { continue }
      if outcome == nil {
        outcome = TestEventCollector.PackageOutcome(result: .pass)
      }
      outcome?.absorb(extraOutcome, testPackage: extra)
    }
    var measurement = PackageMeasurement(
      coverage: nil, outcome: outcome, durationSeconds: result.duration.seconds)
    if case .timedOut = result.outcome {
      measurement.processFailure = "go test did not finish within \(plan.timeout + .seconds(300)) and was stopped"
    } else if outcome == nil {
      measurement.processFailure = "go test reported nothing for this package (\(result.summary))"
    }
    if measurement.processFailure != nil {
      measurement.stderr = result.stderr + testEvents.unclaimedBuildOutput()
    }
    if FileManager.default.fileExists(atPath: profilePath),
      let profile = try? CoverProfile.load(path: profilePath)
    {
      let byDirectory = profile.coverageByDirectory()
      measurement.coverage = byDirectory[package.importPath] ?? byDirectory[package.directory]
    }
    events(
      .packageFinished(
        importPath: package.importPath, seconds: measurement.durationSeconds,
        failed: outcome?.result == .fail || measurement.processFailure != nil))
    return measurement
  }
}
