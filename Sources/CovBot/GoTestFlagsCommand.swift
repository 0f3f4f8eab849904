import ArgumentParser

/// A command whose flags after `--` go to `go test`: `gate`, `ratchet` and `shards`.
protocol GoTestFlagsCommand: ParsableCommand {
  /// The gate options that receive the flags after `--`.
  var gateOptions: GateOptions { get set }
}

extension GateCommand: GoTestFlagsCommand {
  var gateOptions: GateOptions {
    get { options }
    set { options = newValue }
  }
}

extension RatchetCommand: GoTestFlagsCommand {
  var gateOptions: GateOptions {
    get { gate }
    set { gate = newValue }
  }
}

extension ShardsCommand: GoTestFlagsCommand {
  var gateOptions: GateOptions {
    get { options }
    set { options = newValue }
  }
}

extension CovBotCommand {
  /// Parses covbot's arguments (the executable's name dropped), handing everything after the first
  /// `--` to the go test flags of the command that takes them.
  ///
  /// argument-parser would pass what follows `--` as more package patterns, and refuses a
  /// `.postTerminator` array beside the patterns, so the split happens before parsing.
  static func parse(commandLine arguments: [String]) throws -> any ParsableCommand {
    guard let terminator = arguments.firstIndex(of: "--") else { return try parseAsRoot(arguments) }
    guard var command = try parseAsRoot(Array(arguments[..<terminator])) as? any GoTestFlagsCommand else {
      // argument-parser's own message for a `--` this command does not take.
      return try parseAsRoot(arguments)
    }
    try command.gateOptions.passThrough(Array(arguments[(terminator + 1)...]))
    return command
  }
}
