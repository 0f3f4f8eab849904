import CovBotSupport
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a gate: lists packages, reads floors, measures coverage, and decides each package.
///
/// Cancellation (Ctrl-C, SIGTERM) stops every go process group and still returns the packages
/// measured so far, with the rest marked skipped (`interrupted`).
public struct CoverageGate: Sendable {
  /// The go toolchain to drive.
  public var go: GoToolchain

  /// Creates a gate that drives `go`.
  public init(go: GoToolchain) {
    self.go = go
  }

  /// Measures and gates every package the configuration selects.
  ///
  /// The steps: discover the packages, take this shard's share, read the floors (skipping the
  /// excluded), choose the strategy, measure, and gate each measurement against its floor.
  public func run(
    _ configuration: GateConfiguration, events: @escaping @Sendable (GateEvent) -> Void = { _ in }
  )
    async throws -> CovResults
  {
    let startedAt = Date()
    let clock = ContinuousClock.now
    let goTestFlags = try GoTestFlags(validating: configuration.goTestFlags)
    async let goVersion = go.version(in: configuration.moduleDirectory)
    let discovery = try await discover(configuration)
    let version = try await goVersion
    guard !discovery.packages.isEmpty else {
      throw NoPackagesError(patterns: configuration.patterns, directory: configuration.moduleDirectory)
    }
    var shardInfo: ShardInfo?
    var packages = discovery.packages
    if let shard = configuration.shard {
      shardInfo = ShardInfo(index: shard.index, count: shard.count, allPackages: packages.map(\.importPath))
      packages = shard.select(packages, history: configuration.history)
    }
    let selection = try select(packages, discovery: discovery, configuration: configuration)
    // The change is resolved before measuring: a bad ref or diff fails in seconds.
    var patchPlan: PatchPlan?
    if let request = configuration.patch {
      do {
        patchPlan = try await PatchPlan.resolve(
          request, modulePath: discovery.module.path, moduleDirectory: discovery.moduleDirectory, watchdog: go.watchdog
        ).excluding(packages: Set(selection.skipped.keys))
      } catch let error as GitDiffError where request.optional {
        events(.patchUnavailable(reason: "\(error)"))
      } catch let error as PatchUnavailableError where request.optional {
        events(.patchUnavailable(reason: "\(error)"))
      }
      if let patchPlan {
        events(.patchResolved(lines: patchPlan.changed.lineCount, files: patchPlan.changed.files.count))
      }
    }
    let strategy: Strategy =
      switch configuration.strategy {
      case .single: .single
      case .perPackage: .perPackage
      case .auto: selection.extraTests.isEmpty ? .single : .perPackage
      }
    let parallelism = max(configuration.parallelism, 1)
    events(.started(packageCount: selection.toMeasure.count, strategy: strategy, parallelism: parallelism))

    let scratch = try Self.makeScratchDirectory()
    go.watchdog?.removeOnExit(scratch)
    defer {
      try? FileManager.default.removeItem(atPath: scratch)
      go.watchdog?.keep(scratch)
    }
    let plan = MeasurementPlan(
      packages: Scheduler.order(selection.toMeasure, history: configuration.history),
      extraTests: selection.extraTests, moduleDirectory: discovery.moduleDirectory, timeout: configuration.timeout,
      parallelism: parallelism, goTestFlags: goTestFlags.arguments, scratchDirectory: scratch,
      patchFiles: patchPlan?.profileNames ?? [])
    let (measurements, prewarmSeconds, measureSeconds) = try await measure(
      plan, strategy: strategy, prewarm: configuration.prewarm, events: events)

    var results = selection.skipped
    var interrupted = false
    for package in selection.toMeasure {
      let measurement = measurements[package.importPath] ?? .interruptedRun
      interrupted = interrupted || measurement.interrupted
      results[package.importPath] = Self.result(
        for: package, measurement: measurement,
        floor: selection.floors[package.importPath] ?? PackageFloor(configuration.settings.defaultFloor),
        directory: Self.relative(package.directory, to: discovery.moduleDirectory), settings: configuration.settings)
    }
    let patch = try patchPlan.map { plan in
      try Self.patch(plan, measurements: measurements, floor: configuration.patch?.floor)
    }
    let timings = Timings(
      prewarmSeconds: prewarmSeconds, measureSeconds: measureSeconds,
      totalSeconds: (ContinuousClock.now - clock).seconds, selfCPUSeconds: Self.selfCPUSeconds(),
      parallelism: parallelism)
    return CovResults(
      toolVersion: CovBotVersion.current, module: discovery.module.path, moduleDirectory: discovery.moduleDirectory,
      goVersion: version, strategy: strategy, commit: configuration.commit, startedAt: startedAt,
      settings: configuration.settings, shard: shardInfo, interrupted: interrupted, timings: timings,
      packages: Array(results.values), patch: patch)
  }

  /// The patch figure from the blocks each package's run kept for the changed files; a file whose
  /// package was not measured (another shard, an interrupt) has no blocks and reads "not measured".
  static func patch(
    _ plan: PatchPlan, measurements: [String: PackageMeasurement], floor: Percent?
  ) throws -> PatchResult {
    var profile = CoverProfile()
    for measurement in measurements.values {
      guard let kept = measurement.patchProfile else { continue }
      try profile.merge(kept)
    }
    return PatchCoverage.result(
      base: plan.base, profile: profile, changed: plan.changed, modules: plan.modules, floor: floor)
  }

  /// The packages to measure with their floors, and the excluded ones as skipped results.
  struct Selection: Sendable {
    var toMeasure: [GoPackage] = []
    var floors: [String: PackageFloor] = [:]
    var skipped: [String: PackageResult] = [:]
    var extraTests: [String: [String]] = [:]
  }

  /// Splits `packages` into excluded (a skipped result each) and measured (with the floor of
  /// their `.covgate` file, else the default).
  func select(
    _ packages: [GoPackage], discovery: Discovery, configuration: GateConfiguration
  ) throws -> Selection {
    let excludes = configuration.excludes.map { PackagePattern($0, modulePath: discovery.module.path) }
    var selection = Selection()
    for package in packages {
      let relativeDirectory = Self.relative(package.directory, to: discovery.moduleDirectory)
      if excludes.contains(where: { $0.matches(package.importPath) }) {
        var excluded = PackageResult(
          importPath: package.importPath, directory: relativeDirectory, floor: configuration.settings.defaultFloor,
          floorSource: .default, status: .skipped, skipReason: .excluded,
          firstGoFile: package.sourceFiles.first.map { Self.join(relativeDirectory, $0) })
        excluded.explain(.excluded)
        selection.skipped[package.importPath] = excluded
        continue
      }
      if let file = try FloorFile.load(inDirectory: package.directory) {
        selection.floors[package.importPath] = PackageFloor(
          file.floor, source: .file, file: Self.join(relativeDirectory, FloorFile.fileName))
      } else {
        selection.floors[package.importPath] = PackageFloor(configuration.settings.defaultFloor)
      }
      selection.toMeasure.append(package)
    }
    let measured = Set(selection.toMeasure.map(\.importPath))
    selection.extraTests = discovery.extraTests.filter { measured.contains($0.key) }
    return selection
  }

  /// Runs the plan with `strategy`; returns the measurements and the pre-warm and measuring seconds.
  func measure(
    _ plan: MeasurementPlan, strategy: Strategy, prewarm: PrewarmMode,
    events: @escaping @Sendable (GateEvent) -> Void
  ) async throws -> ([String: PackageMeasurement], Double, Double) {
    // Every package excluded, or an empty shard: `go test` with no packages would test `.`.
    guard !plan.packages.isEmpty else { return ([:], 0, 0) }
    switch strategy {
    case .single:
      let start = ContinuousClock.now
      let measurements = try await SingleProcessRunner(go: go).measure(plan, events: events)
      return (measurements, 0, (ContinuousClock.now - start).seconds)
    case .perPackage:
      var prewarmSeconds = 0.0
      let mode = prewarm == .auto ? PrewarmMode.compile : prewarm
      if mode != .none && plan.parallelism > 1 && plan.packages.count > 1 && !Task.isCancelled {
        events(
          .prewarmStarted(
            packageCount: plan.packages.count,
            command: "go " + Prewarm.arguments(for: mode, plan: plan).prefix(6).joined(separator: " ")))
        let prewarmStart = ContinuousClock.now
        do {
          try await Prewarm(go: go).run(mode, plan: plan)
        } catch is CancellationError {}
        prewarmSeconds = (ContinuousClock.now - prewarmStart).seconds
        events(.prewarmFinished(seconds: prewarmSeconds))
      }
      let start = ContinuousClock.now
      let measurements = try await PerPackageRunner(go: go).measure(plan, events: events)
      return (measurements, prewarmSeconds, (ContinuousClock.now - start).seconds)
    }
  }

  /// What `go list` found, after the test-tree mapping.
  struct Discovery: Sendable {
    var module: GoModule
    var moduleDirectory: String
    var packages: [GoPackage]
    var extraTests: [String: [String]]
  }

  /// Lists the module and its packages; tests for `<src-prefix>/x` in `<test-dir>/x` run with the
  /// package they test, and a test-only package in the test tree is not gated on its own.
  func discover(_ configuration: GateConfiguration) async throws -> Discovery {
    let lister = PackageLister(go: go, directory: configuration.moduleDirectory)
    async let moduleInfo = lister.module()
    async let listed = lister.packages(matching: configuration.patterns)
    let module = try await moduleInfo
    let moduleDirectory = module.dir ?? configuration.moduleDirectory
    var packages = try await listed
    var extraTests: [String: [String]] = [:]
    if let mapping = configuration.testDirectories {
      let byDirectory = Dictionary(
        packages.map { (Self.relative($0.directory, to: moduleDirectory), $0.importPath) },
        uniquingKeysWith: { a, _ in a })
      for package in packages {
        let directory = Self.relative(package.directory, to: moduleDirectory)
        if let testDirectory = mapping.testDirectory(forPackageDirectory: directory),
          let testPackage = byDirectory[testDirectory], testPackage != package.importPath
        {
          extraTests[package.importPath] = [testPackage]
        }
      }
      let claimed = Set(extraTests.values.flatMap { $0 })
      packages.removeAll { claimed.contains($0.importPath) && $0.sourceFiles.isEmpty }
    }
    return Discovery(module: module, moduleDirectory: moduleDirectory, packages: packages, extraTests: extraTests)
  }

  /// The balanced split `covbot gate --shard K/N` uses, for `count` shards (`covbot shards`).
  public func shardPlan(count: Int, configuration: GateConfiguration) async throws -> ShardPlan {
    let discovery = try await discover(configuration)
    return ShardPlan(count: count, packages: discovery.packages, history: configuration.history)
  }

  /// Turns a measurement into a gated package result.
  static func result(
    for package: GoPackage, measurement: PackageMeasurement, floor packageFloor: PackageFloor, directory: String,
    settings: GateSettings
  ) -> PackageResult {
    let floor = packageFloor.value
    let floorSource = packageFloor.source
    var result = PackageResult(
      importPath: package.importPath, directory: directory, floor: floor, floorSource: floorSource,
      floorFile: packageFloor.file,
      coverage: measurement.coverage ?? .zero, status: .pass, durationSeconds: measurement.durationSeconds,
      firstGoFile: package.sourceFiles.first.map { join(directory, $0) })
    if measurement.interrupted {
      result.status = .skipped
      result.skipReason = .interrupted
      result.explain(.interrupted)
      return result
    }
    if let outcome = measurement.testRun {
      result.tests = outcome.tests
      result.failedTests = outcome.failedTests
      result.testCases = outcome.testCases
      result.output = outcome.output
    }
    if measurement.testRun?.buildFailed == true {
      result.status = .buildFail
      result.explain(.buildFailure)
    } else if let failure = measurement.failure, measurement.testRun == nil, !failure.isTestFailure {
      result.status = .buildFail
      result.output = measurement.stderr
      result.explain(.processFailure(failure.sentence))
    } else if let failure = measurement.failure {
      result.status = .testFail
      result.output += "\n" + failure.sentence + "\n" + measurement.stderr
      result.explain(.processFailure(failure.sentence))
    } else if measurement.testRun?.conclusion == .fail {
      result.status = .testFail
      result.explain(.failingTests)
    } else {
      let decision = GateRule.decide(
        coverage: result.coverage, floor: floor, floorSource: floorSource, settings: settings)
      result.status = decision.status
      result.suggestedFloor = decision.suggestedFloor
      result.explain(decision.cause)
    }
    return result
  }

  static func relative(_ path: String, to root: String) -> String {
    if path == root { return "." }
    let prefix = root.hasSuffix("/") ? root : root + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }

  static func join(_ directory: String, _ file: String) -> String {
    directory == "." ? file : directory + "/" + file
  }

  private static func makeScratchDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("covbot-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// User + system CPU time of this process alone (children excluded).
  static func selfCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
  }
}

/// The package patterns match no Go package: nothing to measure, and no gate to pass.
public struct NoPackagesError: Error, Sendable, CustomStringConvertible {
  /// The patterns given.
  public var patterns: [String]
  /// Where `go list` ran.
  public var directory: String

  public var description: String {
    "no Go packages match \(patterns.joined(separator: " ")) in \(directory): nothing to measure. "
      + "Check the package patterns and the module directory."
  }
}
