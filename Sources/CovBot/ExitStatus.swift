import ArgumentParser
import CovEngine

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
}

/// An error that ends the command with a specific exit code after printing its description.
struct CommandFailure: Error, CustomStringConvertible {
  /// The exit code.
  var code: ExitCode
  /// What went wrong and what to do next.
  var description: String
}

extension CommandFailure {
  /// Maps an engine error onto the documented exit codes: configuration problems are 2,
  /// everything the toolchain or the machine got wrong is 3.
  init(engineError error: any Error) {
    switch error {
    case let failure as CommandFailure:
      self = failure
    case is FloorFileError, is GoListError, is ResultsFileError, is GoTestFlagsError, is NoPackagesError:
      self.init(code: ExitStatus.usage, description: "\(error)")
    default:
      self.init(code: ExitStatus.infrastructure, description: "\(error)")
    }
  }
}
