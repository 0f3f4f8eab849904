import CovBotSupport
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
      + [package.importPath] + extras + plan.goTestFlags
    let child = go.command(arguments, in: plan.moduleDirectory, timeout: plan.processLimit)
    let collector = Locked(TestEventCollector())
    events(.packageStarted(importPath: package.importPath))
    let result: ChildProcessResult
    do {
      result = try await child.run(stopWhen: { collector.withLock { !$0.overdue(limit: plan.testBinaryLimit).isEmpty } }
      ) {
        line in collector.withLock { _ = $0.consume(line) }
      }
    } catch {
      return .interruptedRun
    }
    let testEvents = collector.value
    var testRun = testEvents.testRun(for: package.importPath)
    for extra in extras {
      guard let extraOutcome = testEvents.testRun(for: extra) else { continue }
      if testRun == nil {
        testRun = TestEventCollector.PackageTestRun(conclusion: .pass)
      }
      testRun?.absorb(extraOutcome, testPackage: extra)
    }
    var measurement = PackageMeasurement(
      coverage: nil, testRun: testRun, durationSeconds: result.duration.seconds)
    switch result.outcome {
    case .stopped:
      measurement.failure = .testBinaryOverdue(plan.testBinaryLimitText)
    case .timedOut:
      measurement.failure = .processTimedOut(plan.processLimit)
    case .exited where testRun == nil:
      measurement.failure = .noReport(result.summary)
    case .exited:
      break
    }
    if measurement.failure != nil {
      measurement.stderr = result.stderr + testEvents.unclaimedBuildOutput()
    }
    if testRun?.buildFailed != true && measurement.failure == nil {
      // A run that passed must have written its profile; without one nothing was measured, and
      // the package must not read as "no statements".
      do {
        let profile = try CoverProfile.load(path: profilePath)
        measurement.patchProfile = plan.patchProfile(profile, package: package.importPath)
        let byDirectory = profile.coverageByDirectory()
        measurement.coverage = byDirectory[package.importPath] ?? byDirectory[package.directory] ?? .zero
      } catch {
        measurement.failure = .noProfile("\(error)")
      }
    }
    events(
      .packageFinished(
        importPath: package.importPath, seconds: measurement.durationSeconds,
        failed: testRun?.conclusion == .fail || measurement.failure != nil))
    return measurement
  }
}
