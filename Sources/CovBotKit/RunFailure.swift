import CovEngine
import GitHub
import Reporters

/// Why a run stopped without a verdict: the caller's mistake, the machine's, or a signal.
public struct RunFailure: Error, Sendable, CustomStringConvertible {
  /// Who is to blame, which decides the exit code.
  public enum Kind: Sendable, Hashable {
    /// A usage or configuration error (exit 2).
    case usage
    /// The toolchain, the machine or GitHub failed (exit 3).
    case infrastructure
    /// A signal stopped the run before anything was measured (exit 128 + signal).
    case interrupted(signal: Int32)
  }

  /// Who is to blame.
  public var kind: Kind
  /// What went wrong and what to do next.
  public var description: String

  /// Creates a failure.
  public init(_ kind: Kind, _ description: String) {
    self.kind = kind
    self.description = description
  }

  /// Classifies an error from the engine, the reporters or GitHub: configuration problems are
  /// usage errors, everything the toolchain or the machine got wrong is infrastructure.
  public init(classifying error: any Error) {
    switch error {
    case let failure as RunFailure:
      self = failure
    case is FloorFileError, is GoListError, is ResultsFileError, is GoTestFlagsError, is NoPackagesError,
      is TemplateError, is MergeError, is PatchInputError:
      self.init(.usage, "\(error)")
    case let error as GitDiffError where error.isUsage:
      self.init(.usage, "\(error)")
    case let error as GitHubError where error.kind == .configuration:
      self.init(.usage, "\(error)")
    default:
      self.init(.infrastructure, "\(error)")
    }
  }
}
