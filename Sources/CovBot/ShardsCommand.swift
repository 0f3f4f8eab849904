import ArgumentParser

/// `covbot shards` (not yet implemented).
struct ShardsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "shards", abstract: "Not yet implemented.")

  func run() async throws {
    throw CommandFailure(code: ExitStatus.usage, description: "covbot shards is not implemented yet")
  }
}
