import ArgumentParser

/// `covbot merge` (not yet implemented).
struct MergeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "merge", abstract: "Not yet implemented.")

  func run() async throws {
    throw CommandFailure(code: ExitStatus.usage, description: "covbot merge is not implemented yet")
  }
}
