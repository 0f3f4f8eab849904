import ArgumentParser
import CovBotKit
import CovBotSupport
import CovEngine
import Foundation

/// `covbot`: a coverage gate for Go repositories.
@main
struct CovBotCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "covbot",
    abstract: "A coverage gate for Go repositories: measure, gate, report, publish, ratchet.",
    discussion: """
      Exit codes: 0 gate passed; 1 gate failed; 2 usage or configuration error; \
      3 infrastructure error (no go toolchain, go list or pre-warm failed, publishing failed \
      with --fail-on-publish-error); 129/130/143 interrupted by SIGHUP/SIGINT/SIGTERM (partial results \
      written).
      """,
    version: CovBotVersion.current,
    subcommands: [
      GateCommand.self, ReportCommand.self, PublishCommand.self, RatchetCommand.self, MergeCommand.self,
      ShardsCommand.self, SelfCheckCommand.self,
    ]
  )

  /// Runs the command, mapping argument-parser's usage exit code (64) onto CovBot's 2.
  static func main() async {
    if CommandLine.arguments.dropFirst().first == ProcessGroupWatchdog.argument { ProcessGroupWatchdog.serve() }
    // A closed standard output (`covbot gate | head -1`) must not kill covbot before it stops its
    // children and removes its scratch files: writes fail with EPIPE instead, and are dropped.
    signal(SIGPIPE, SIG_IGN)
    do {
      var command = try parse(commandLine: Array(CommandLine.arguments.dropFirst()))
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch let failure as RunFailure {
      Console.write("covbot: \(failure.description)\n", to: STDERR_FILENO)
      Foundation.exit(ExitStatus.code(for: failure).rawValue)
    } catch {
      if exitCode(for: error) == .validationFailure {
        Console.write(fullMessage(for: error) + "\n", to: STDERR_FILENO)
        Foundation.exit(ExitStatus.usage.rawValue)
      }
      exit(withError: error)
    }
  }
}
