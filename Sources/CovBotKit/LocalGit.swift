import CovBotSupport
import CovEngine
import Foundation

/// The few git commands `covbot ratchet --commit` needs, run in the module's work tree.
struct LocalGit {
  var directory: String

  /// Stages `files` and commits them with `message`.
  func commit(files: [String], message: String) async throws {
    _ = try await git(["add", "--"] + files)
    _ = try await git(["commit", "--quiet", "--message", message, "--"] + files)
  }

  private func git(_ arguments: [String]) async throws -> String {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
      .map { "\($0)/git" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let path else {
      throw RunFailure(.infrastructure, "git not found on PATH; --commit needs git")
    }
    let child = ChildProcess(
      executable: path, arguments: arguments, workingDirectory: directory, timeout: .seconds(60))
    let (result, output) = try await child.runCollecting()
    guard result.succeeded else {
      throw RunFailure(
        .infrastructure,
        "\(child.commandLine) failed (\(result.summary)): \(result.stderr). The floor files are written; "
          + "commit them yourself.")
    }
    return output
  }
}
