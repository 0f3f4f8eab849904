import Foundation
import FuzzSupport

@testable import CovBotSupport
@testable import CovEngine

/// A `go test -json` stream, cut into chunks as a pipe delivers it (the first byte picks the
/// chunk sizes), through the line splitter into the collector: a test whose last outcome is
/// `fail` in a package that finished must be among that package's failed tests.
runFuzzer { data in
  guard let seed = data.first else { return }
  let stream = data.dropFirst()
  var splitter = LineSplitter(maxLineLength: 64 << 10)
  var collector = TestEventCollector()
  var lines: [String] = []
  var offset = stream.startIndex
  var step = 0
  while offset < stream.endIndex {
    // Sizes 1…64 cycling from the seed, so splits land inside lines, CRLFs and UTF-8 sequences.
    let size = 1 + (Int(seed) &+ step &* 37) % 64
    let end = min(offset + size, stream.endIndex)
    stream[offset..<end].withUnsafeBytes { chunk in splitter.append(chunk) { lines.append($0) } }
    offset = end
    step += 1
  }
  splitter.finish { lines.append($0) }

  // The reference: each test's last outcome and which packages concluded, from the same lines.
  var lastOutcome: [String: [String: String]] = [:]
  var concluded: Set<String> = []
  for line in lines {
    collector.consume(line)
    guard let event = GoTestEvent.decode(line), ["pass", "fail", "skip"].contains(event.action) else { continue }
    if event.action == "build-output" || event.action == "build-fail" { continue }
    guard let package = event.package else { continue }
    if let test = event.test {
      lastOutcome[package, default: [:]][test] = event.action
    } else {
      concluded.insert(package)
    }
  }
  for package in concluded {
    guard let run = collector.testRun(for: package) else {
      fatalError("oracle: package \(package.debugDescription) concluded but has no test run")
    }
    for (test, outcome) in lastOutcome[package] ?? [:] where outcome == "fail" {
      oracle(run.failedTests.contains(test), "failed test \(test.debugDescription) missing from \(run.failedTests)")
      oracle(run.conclusion == .fail, "package \(package.debugDescription) with a failed test did not fail")
    }
  }
}
