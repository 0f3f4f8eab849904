import CovBotSupport
import Foundation

/// Measures every package with one `go test -json -cover -coverprofile` process.
///
/// Go's own scheduler builds each dependency once; the merged profile is split per package. go
/// appends each package's blocks to the profile as its test binary finishes, so when a run is
/// stopped (a signal, or a test binary covbot killed for overrunning its limit) the packages that
/// already reported keep their numbers. After such a kill the packages that had not finished run
/// again in a new go process, without the one that overran.
struct SingleProcessRunner: Sendable {
  var go: GoToolchain

  func measure(
    _ plan: MeasurementPlan, events: @escaping @Sendable (GateEvent) -> Void
  ) async throws
    -> [String: PackageMeasurement]
  {
    var measurements: [String: PackageMeasurement] = [:]
    var remaining = plan.packages
    var round = 0
    while !remaining.isEmpty {
      let pass = try await measureOnce(remaining, round: round, plan: plan, events: events)
      measurements.merge(pass.measurements) { _, new in new }
      guard pass.rerun else { break }
      remaining.removeAll { pass.measurements[$0.importPath] != nil }
      round += 1
    }
    return measurements
  }

  /// What one go process measured, and whether the packages it left unmeasured should run again.
  private struct Pass {
    var measurements: [String: PackageMeasurement] = [:]
    var rerun = false
  }

  private func measureOnce(
    _ packages: [GoPackage], round: Int, plan: MeasurementPlan, events: @escaping @Sendable (GateEvent) -> Void
  ) async throws -> Pass {
    let profilePath = plan.scratchDirectory + "/single-\(round).out"
    let arguments =
      ["test", "-json", "-cover", "-coverprofile=\(profilePath)", plan.goTimeoutFlag, "-p=\(plan.parallelism)"]
      + packages.map(\.importPath) + plan.goTestFlags
    // Each test binary has covbot's own limit; this outer bound only catches a wedged go command.
    let rounds = (packages.count + plan.parallelism - 1) / max(plan.parallelism, 1)
    let outerTimeout = plan.testBinaryLimit * max(rounds, 1) + .seconds(1_800)
    let collector = Locked(TestEventCollector())
    let child = go.command(arguments, in: plan.moduleDirectory, timeout: outerTimeout)
    let start = ContinuousClock.now
    var interrupted = false
    var result: ChildProcessResult?
    do {
      result = try await child.run(
        stopWhen: { collector.withLock { !$0.overdue(limit: plan.testBinaryLimit).isEmpty } }
      ) { line in
        if line.contains("\"Action\":\"start\""), let event = GoTestEvent.decode(line), let package = event.package {
          events(.packageStarted(importPath: package))
        }
        if let finished = collector.withLock({ $0.consume(line) }),
          let testRun = collector.withLock({ $0.testRun(for: finished) })
        {
          events(.packageFinished(importPath: finished, seconds: testRun.elapsed, failed: testRun.conclusion == .fail))
        }
      }
    } catch is CancellationError {
      interrupted = true
    }
    let elapsed = (ContinuousClock.now - start).seconds
    let testEvents = collector.value
    let overdue = Set(testEvents.overdue(limit: plan.testBinaryLimit))
    let stopped = interrupted || result.map { if case .exited = $0.outcome { false } else { true } } ?? true

    var profile = CoverProfile()
    var profileError: String?
    if stopped {
      profile = Self.partialProfile(at: profilePath)
    } else {
      // Without a readable profile nothing was measured: no package may read as "no statements".
      do {
        profile = try CoverProfile.load(path: profilePath)
      } catch {
        profileError = "\(error)"
      }
    }
    let coverage = profile.coverageByDirectory()
    var pass = Pass()
    for package in packages {
      let testRun = testEvents.testRun(for: package.importPath)
      if overdue.contains(package.importPath) {
        var measurement = PackageMeasurement(
          testRun: testRun, durationSeconds: plan.testBinaryLimit.seconds,
          failure: .testBinaryOverdue(plan.testBinaryLimitText))
        measurement.stderr = result?.stderr ?? ""
        pass.measurements[package.importPath] = measurement
        continue
      }
      if stopped {
        // go appends a package's blocks to the profile before it reports the package's result
        // (cmd/go/internal/test), so a package with a final event is complete; the rest is not
        // measured (interrupted) or runs again.
        guard let testRun else {
          if interrupted { pass.measurements[package.importPath] = .interruptedRun }
          continue
        }
        pass.measurements[package.importPath] = PackageMeasurement(
          coverage: coverage[package.importPath] ?? .zero, testRun: testRun, durationSeconds: testRun.elapsed,
          patchProfile: plan.patchProfile(profile, package: package.importPath))
        continue
      }
      var measurement = PackageMeasurement(
        coverage: coverage[package.importPath] ?? coverage[package.directory] ?? .zero,
        testRun: testRun, durationSeconds: testRun?.elapsed ?? elapsed,
        patchProfile: plan.patchProfile(profile, package: package.importPath))
      if let result, testRun == nil {
        measurement.failure = .noReport(result.summary)
        measurement.stderr = result.stderr + testEvents.unclaimedBuildOutput()
      } else if let profileError, testRun?.buildFailed != true {
        measurement.failure = .noProfile(profileError)
      }
      pass.measurements[package.importPath] = measurement
    }
    pass.rerun = !interrupted && !overdue.isEmpty
    if let result, case .timedOut = result.outcome {
      for package in packages where pass.measurements[package.importPath] == nil {
        var measurement = PackageMeasurement(durationSeconds: elapsed, failure: .processTimedOut(outerTimeout))
        measurement.stderr = result.stderr
        pass.measurements[package.importPath] = measurement
      }
    }
    return pass
  }

  /// What go had finished appending to a profile when it was stopped; a cut-off last line (go
  /// was writing it) is dropped, and an unreadable profile gives nothing.
  static func partialProfile(at path: String) -> CoverProfile {
    guard let data = FileManager.default.contents(atPath: path),
      let lastNewline = data.lastIndex(of: 0x0A)
    else { return CoverProfile() }
    let complete = String(decoding: data[...lastNewline], as: UTF8.self)
    return (try? CoverProfile.parse(complete, path: path)) ?? CoverProfile()
  }
}
