import CovBotKit
import CovBotSupport
import CovEngine
import Foundation

/// A ``RunOutput`` that keeps what a run printed, for assertions.
final class KitOutput: Sendable {
  private let stdout = Locked("")
  private let stderr = Locked("")
  let inActions: Bool

  init(inActions: Bool = false) {
    self.inActions = inActions
  }

  var output: RunOutput {
    RunOutput(
      inActions: inActions, out: { text in self.stdout.withLock { $0 += text } },
      error: { text in self.stderr.withLock { $0 += text } })
  }

  var out: String { stdout.value }
  var err: String { stderr.value }
}
