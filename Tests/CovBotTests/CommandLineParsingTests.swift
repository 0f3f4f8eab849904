import CovBotKit
import Testing

@testable import CovBot

/// The command line is parsed in-process: patterns before `--`, go test flags after it.
@Suite struct CommandLineParsingTests {
  private func gateOptions(_ arguments: [String]) throws -> GateOptions {
    let command = try #require(try CovBotCommand.parse(commandLine: arguments) as? any GoTestFlagsCommand)
    return command.gateOptions
  }

  @Test func flagsAfterTheTerminatorGoToGoTestNotToThePatterns() throws {
    let options = try gateOptions(["gate", "./a", "--exclude", "./b", "./c", "--", "-count", "1", "-args", "./d", "--"])
    #expect(options.patterns == ["./a", "./c"])
    #expect(options.excludes == ["./b"])
    #expect(options.goTestFlags == ["-count", "1", "-args", "./d", "--"])
  }

  @Test(arguments: [["gate"], ["gate", "./..."], ["gate", "./...", "--"]])
  func noTerminatorOrNothingAfterItPassesNoFlags(arguments: [String]) throws {
    #expect(try gateOptions(arguments).goTestFlags.isEmpty)
  }

  @Test(arguments: ["gate", "ratchet", "shards"])
  func everyCommandThatMeasuresTakesGoTestFlags(command: String) throws {
    let extra = command == "shards" ? ["-n", "2"] : []
    let options = try gateOptions([command] + extra + ["./x", "--", "-tags=integration", "-race"])
    #expect(options.patterns == ["./x"])
    #expect(options.goTestFlags == ["-tags=integration", "-race"])
  }

  @Test(arguments: ["-coverprofile=other.out", "-json", "-p=1", "-coverpkg=fmt"])
  func aFlagCovbotOwnsIsAUsageError(flag: String) throws {
    let failure = try #require(throws: RunFailure.self) {
      try CovBotCommand.parse(commandLine: ["gate", "./...", "--", "-v", flag])
    }
    #expect(failure.kind == .usage)
    #expect(failure.description.contains(flag))
  }

  @Test func aCommandThatTakesNoGoTestFlagsRefusesTheTerminator() {
    #expect(throws: (any Error).self) {
      try CovBotCommand.parse(commandLine: ["report", "--", "-v"])
    }
    #expect(throws: Never.self) { try CovBotCommand.parse(commandLine: ["report"]) }
  }
}
