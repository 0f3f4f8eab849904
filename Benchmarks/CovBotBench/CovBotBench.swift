import ArgumentParser

/// `covbot-bench`: CovBot's benchmarks. Without a subcommand it runs the gate benchmark.
@main
struct CovBotBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "covbot-bench",
    abstract: "Benchmarks for CovBot (release builds only give meaningful numbers).",
    subcommands: [GateBenchCommand.self, ShardsBenchCommand.self, ProfileBenchCommand.self, SnippetsCheckCommand.self],
    defaultSubcommand: GateBenchCommand.self)
}
