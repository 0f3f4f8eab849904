import ArgumentParser

/// `covbot publish` (not yet implemented).
struct PublishCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "publish", abstract: "Not yet implemented.")

  func run() async throws {
    throw CommandFailure(code: ExitStatus.usage, description: "covbot publish is not implemented yet")
  }
}
