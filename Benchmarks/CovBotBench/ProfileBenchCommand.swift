import ArgumentParser
import CovBotSupport
import CovEngine
import Foundation

/// `covbot-bench profile`: parse speed of CovEngine's coverprofile parser on a generated profile,
/// and what patch coverage of a large diff adds on top of it.
struct ProfileBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "profile",
    abstract: "Time parsing a generated coverprofile (default 100 MB) and patch coverage of a diff against it.")

  @Option(help: "Profile size in MiB.")
  var megabytes = 100

  @Option(help: "Parses to time (the median is reported).")
  var runs = 3

  @Option(help: "Changed lines in the generated diff (spread over files of 100 changed lines).")
  var diffLines = 10_000

  func run() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("covbot-bench-\(UUID()).out").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    var generator = SeededGenerator(seed: 7)
    var text = "mode: count\n"
    var package = 0
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path).creatingFile())
    defer { try? handle.close() }
    var written = 0
    while written < megabytes << 20 {
      let prefix = "github.com/example/monorepo/internal/service\(package % 400)/sub\(package / 400)"
      for file in 0..<8 {
        for block in 0..<150 {
          let count = [0, 0, 1, 3, 12][Int(generator.next() % 5)]
          text += "\(prefix)/file\(file).go:\(block * 3 + 1).\(block % 40 + 2),\(block * 3 + 2).\(block % 30 + 10) "
          text += "\(block % 5 + 1) \(count)\n"
        }
      }
      written += text.utf8.count
      handle.write(Data(text.utf8))
      text = ""
      package += 1
    }
    let diff = Self.diff(lines: diffLines, packages: package)
    var times: [Double] = []
    var patchTimes: [Double] = []
    var blocks = 0
    var keptBlocks = 0
    var patch: PatchResult?
    for _ in 0..<runs {
      let start = ContinuousClock.now
      let profile = try CoverProfile.load(path: path)
      _ = profile.coverageByDirectory()
      times.append((ContinuousClock.now - start).seconds)
      blocks = profile.blockCount

      // What a gate with --patch-base adds: parse the diff, keep the changed files' blocks, count.
      let patchStart = ContinuousClock.now
      let module = GoModuleLocation(modulePath: Self.modulePath, directory: "")
      let changed = ChangedLines(diff: try UnifiedDiff.parse(diff)).restricted(to: [module]) { _ in nil }
      let kept = profile.restricted(toFiles: Set(changed.paths.compactMap { module.profileName(ofRepositoryPath: $0) }))
      patch = PatchCoverage.result(base: nil, profile: kept, changed: changed, modules: [module], floor: nil)
      patchTimes.append((ContinuousClock.now - patchStart).seconds)
      keptBlocks = kept.blockCount
    }
    let median = times.sorted()[times.count / 2]
    let patchMedian = patchTimes.sorted()[patchTimes.count / 2]
    print(
      String(
        format: "profile %.1f MB, %d blocks, %d packages: parse + per-package totals %.3f s (median of %d)",
        Double(written) / 1_048_576, blocks, package, median, runs))
    guard let patch else { return }
    print(
      String(
        format: """
          patch of a %d-line diff (%d files, %d lines counted): %.1f ms (median of %d) = %.2f%% of the \
          parse above; blocks kept %d of %d (%.3f%% of the profile)
          """,
        changedLineCount(diff), patch.files.count, patch.coverage.total, patchMedian * 1000, runs,
        patchMedian / median * 100, keptBlocks, blocks, Double(keptBlocks) / Double(max(blocks, 1)) * 100))
  }

  static let modulePath = "github.com/example/monorepo"

  /// A unified diff adding `lines` lines to the generated profile's files, 100 lines per file,
  /// spread over the packages.
  static func diff(lines: Int, packages: Int) -> String {
    var text = ""
    let files = (lines + 99) / 100
    for index in 0..<files {
      let package = index * 7 % max(packages, 1)
      let path = "internal/service\(package % 400)/sub\(package / 400)/file\(index % 8).go"
      let count = min(100, lines - index * 100)
      text += "diff --git a/\(path) b/\(path)\n--- a/\(path)\n+++ b/\(path)\n"
      text += "@@ -10,0 +11,\(count) @@\n"
      text += String(repeating: "+\tx++\n", count: count)
    }
    return text
  }

  private func changedLineCount(_ diff: String) -> Int {
    diff.split(separator: "\n").count { $0.hasPrefix("+\t") }
  }
}

extension URL {
  /// Creates an empty file at this URL and returns it.
  fileprivate func creatingFile() throws -> URL {
    guard FileManager.default.createFile(atPath: path, contents: nil) else {
      throw BenchError("cannot create \(path)", next: "check that the temporary directory is writable")
    }
    return self
  }
}
