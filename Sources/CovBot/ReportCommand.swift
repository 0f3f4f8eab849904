import ArgumentParser

/// `covbot report` (not yet implemented).
struct ReportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "report", abstract: "Not yet implemented.")

  func run() async throws {
    throw CommandFailure(code: ExitStatus.usage, description: "covbot report is not implemented yet")
  }
}
