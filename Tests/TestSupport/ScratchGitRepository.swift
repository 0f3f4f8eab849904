import CovBotSupport
import CovEngine
import Foundation

/// A scratch git repository driven through the `git` CLI.
public struct ScratchGitRepository {
  /// The work tree.
  public let root: String

  /// Creates an empty directory for a repository (run `git init` through ``git(_:)``).
  public init() throws {
    root =
      FileManager.default.temporaryDirectory.appendingPathComponent("covbot-git-\(UUID().uuidString.prefix(8))")
      .path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
  }

  /// A repository that already exists at `root` (a clone).
  public init(existing root: String) {
    self.root = root
  }

  /// Runs git with a fixed identity and no system configuration; returns its output.
  public func git(_ arguments: String...) async throws -> String {
    try await git(arguments)
  }

  /// Runs git with a fixed identity and no system configuration; returns its output.
  public func git(_ arguments: [String]) async throws -> String {
    let child = ChildProcess(
      executable: try GitDiff.locate(in: root).executable,
      arguments: [
        "-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main", "-c",
        "core.autocrlf=false",
      ] + arguments,
      environment: ["GIT_CONFIG_NOSYSTEM": "1"], workingDirectory: root, timeout: .seconds(60))
    let (result, output) = try await child.runCollecting()
    guard result.succeeded else { throw FixtureError("git \(arguments.joined(separator: " ")): \(result.stderr)") }
    return output
  }

  /// Writes `content` to `path` (relative to the root), creating folders.
  public func write(_ path: String, _ content: String) throws {
    let url = URL(fileURLWithPath: root).appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(content.utf8).write(to: url)
  }

  /// Removes `path` (relative to the root).
  public func remove(_ path: String) throws {
    try FileManager.default.removeItem(atPath: root + "/" + path)
  }

  /// Stages everything and commits.
  public func commit(_ message: String) async throws {
    _ = try await git("add", "-A")
    _ = try await git("commit", "-q", "-m", message)
  }

  /// Line numbers of `path` at HEAD that `git blame` attributes to commits in `base..HEAD`: an
  /// independent account of the lines a branch added.
  public func blamedLines(_ path: String, since base: String) async throws -> [Int] {
    let own = Set(try await git("rev-list", "\(base)..HEAD").split(separator: "\n").map(String.init))
    let porcelain = try await git("blame", "--porcelain", "HEAD", "--", path)
    var lines: [Int] = []
    for line in porcelain.split(separator: "\n", omittingEmptySubsequences: false) {
      let fields = line.split(separator: " ")
      // Header lines: `<sha> <orig-line> <final-line> [<group-size>]`.
      guard fields.count >= 3, fields[0].count == 40, fields[0].allSatisfy(\.isHexDigit),
        let final = Int(fields[2])
      else { continue }
      if own.contains(String(fields[0])) { lines.append(final) }
    }
    return lines.sorted()
  }
}
