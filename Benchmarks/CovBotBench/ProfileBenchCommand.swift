import ArgumentParser
import CovBotSupport
import CovEngine
import Foundation

/// `covbot-bench profile`: parse speed of CovEngine's coverprofile parser on a generated profile.
struct ProfileBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "profile", abstract: "Time parsing a generated coverprofile (default 100 MB).")

  @Option(help: "Profile size in MiB.")
  var megabytes = 100

  @Option(help: "Parses to time (the median is reported).")
  var runs = 3

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
    var times: [Double] = []
    var blocks = 0
    for _ in 0..<runs {
      let start = ContinuousClock.now
      let profile = try CoverProfile.load(path: path)
      _ = profile.coverageByDirectory()
      times.append((ContinuousClock.now - start).seconds)
      blocks = profile.blockCount
    }
    let median = times.sorted()[times.count / 2]
    print(
      String(
        format: "profile %.1f MB, %d blocks, %d packages: parse + per-package totals %.3f s (median of %d)",
        Double(written) / 1_048_576, blocks, package, median, runs))
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
