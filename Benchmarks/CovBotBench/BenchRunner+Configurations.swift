import CovBotSupport
import CovEngine
import Foundation

extension BenchRunner {
  /// (a) and (b): `go list ./...`, an optional `go test -run=^$ ./...`, then one
  /// `go test -coverpkg=P -coverprofile=… P` per package, `parallelism` at once.
  func covgate(prewarm: Bool, environment: [String: String], out: String) async throws -> RawRun {
    let list = try await goCommand(["list", "./..."], environment: environment).run()
    guard list.exitCode == 0 else {
      return RawRun(failure: "go list ./... failed (\(list.summary)):\n\(list.tail())")
    }
    let packages = list.stdout.split(whereSeparator: \.isNewline).map(String.init)
    var raw = RawRun()
    if prewarm {
      let start = ContinuousClock.now
      let warm = try await goCommand(["test", "-run=^$", "./..."], environment: environment).run()
      raw.prewarmSeconds = (ContinuousClock.now - start).seconds
      if warm.exitCode != 0 { raw.problems.append("pre-warm go test -run=^$ ./... \(warm.summary):\n\(warm.tail())") }
    }
    let jobs = packages.enumerated().map { index, importPath in
      (importPath: importPath, path: "\(out)/\(String(format: "%03d", index)).coverprofile")
    }
    let failures = try await withThrowingTaskGroup(of: String?.self) { group in
      var next = 0
      func start() {
        let job = jobs[next]
        next += 1
        let command = goCommand(
          ["test", "-coverpkg=\(job.importPath)", "-coverprofile=\(job.path)", job.importPath],
          environment: environment)
        group.addTask {
          let result = try await command.run()
          return result.exitCode == 0 ? nil : "go test \(job.importPath) \(result.summary):\n\(result.tail())"
        }
      }
      while next < min(parallelism, jobs.count) { start() }
      var failures: [String] = []
      while let failure = try await group.next() {
        if let failure { failures.append(failure) }
        if next < jobs.count { start() }
      }
      return failures
    }
    raw.problems += failures
    raw.profiles = jobs
    return raw
  }

  /// (c): one `go test -cover ./...`.
  func reference(environment: [String: String]) async throws -> RawRun {
    let result = try await goCommand(["test", "-cover", "./..."], environment: environment).run()
    var raw = RawRun(coverOutput: result.stdout)
    if result.exitCode != 0 { raw.problems.append("go test -cover ./... \(result.summary):\n\(result.tail())") }
    return raw
  }

  /// (d): `covbot gate` with the configuration's strategy and pre-warm.
  func covbotGate(
    _ configuration: BenchConfiguration, environment: [String: String], out: String
  ) async throws -> RawRun {
    guard case .success(let covbot) = covbot, let options = configuration.covbotOptions else {
      return RawRun(failure: "covbot is not available")
    }
    let resultsPath = "\(out)/covbot-results.json"
    let arguments =
      ["gate", "--module-dir", module.dir] + options
      + ["--parallelism", "\(parallelism)", "--json", resultsPath, "--default-floor", "0"]
    let command = ChildCommand(
      executable: covbot, arguments: arguments, environment: environment, workingDirectory: module.dir,
      timeout: timeout)
    let result = try await command.run()
    // 0: gate passed, 1: gate failed (normal here); 2: usage error, 3: infrastructure error.
    guard let code = result.exitCode, code <= 1 else {
      return RawRun(failure: "covbot gate \(options.joined(separator: " ")) \(result.summary):\n\(result.tail())")
    }
    guard FileManager.default.fileExists(atPath: resultsPath) else {
      return RawRun(failure: "covbot exited \(code) but wrote no results file at \(resultsPath)")
    }
    return RawRun(resultsPath: resultsPath)
  }
}
