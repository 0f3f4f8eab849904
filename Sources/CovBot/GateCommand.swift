import ArgumentParser

/// `covbot gate` (not yet implemented).
struct GateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "gate", abstract: "Not yet implemented.")

  func run() async throws {
    throw CommandFailure(code: ExitStatus.usage, description: "covbot gate is not implemented yet")
  }
}
