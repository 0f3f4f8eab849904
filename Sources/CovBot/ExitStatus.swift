import ArgumentParser
import CovBotKit

/// CovBot's exit codes, as documented in the README.
enum ExitStatus {
  /// The gate passed.
  static let passed = ExitCode(0)
  /// The gate failed.
  static let gateFailed = ExitCode(1)
  /// Usage or configuration error (bad flag, malformed `.covgate`, unreadable results file).
  static let usage = ExitCode(2)
  /// Infrastructure error (no go, go list failed, pre-warm failed, publishing failed when told to fail).
  static let infrastructure = ExitCode(3)

  /// The exit code for a run's failure.
  static func code(for failure: RunFailure) -> ExitCode {
    switch failure.kind {
    case .usage: usage
    case .infrastructure: infrastructure
    case .interrupted(let signal): ExitCode(128 + signal)
    }
  }
}
