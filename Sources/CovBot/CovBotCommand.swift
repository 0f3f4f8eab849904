import ArgumentParser
import CovEngine

/// `covbot`: a coverage gate for Go repositories.
@main
struct CovBotCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "covbot",
    abstract: "A coverage gate for Go repositories: measure, gate, report, publish, ratchet.",
    discussion: """
      Exit codes: 0 gate passed; 1 gate failed; 2 usage or configuration error; \
      3 infrastructure error (no go toolchain, go list or pre-warm failed, publishing failed \
      with --fail-on-publish-error); 130/143 interrupted by SIGINT/SIGTERM (partial results written).
      """,
    version: CovBotVersion.current,
    subcommands: [
      GateCommand.self, ReportCommand.self, PublishCommand.self, RatchetCommand.self, MergeCommand.self,
      ShardsCommand.self,
    ]
  )
}
