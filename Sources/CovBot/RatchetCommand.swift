import ArgumentParser

/// `covbot ratchet` (not yet implemented).
struct RatchetCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "ratchet", abstract: "Not yet implemented.")

  func run() async throws {
    throw CommandFailure(code: ExitStatus.usage, description: "covbot ratchet is not implemented yet")
  }
}
