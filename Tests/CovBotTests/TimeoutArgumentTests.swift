import Foundation
import Testing

/// `--timeout` values too large for a Duration are usage errors, not a trap.
@Suite struct TimeoutArgumentTests {
  @Test(arguments: ["inf", "1e300", "99999999999h"])
  func anEndlessTimeoutIsAUsageError(value: String) async throws {
    let output = try await CovBotProcess.run(
      ["gate", "--timeout", value], workingDirectory: FileManager.default.temporaryDirectory.path)
    #expect(output.exitCode == 2, "\(output.combined)")
    #expect(output.stderr.contains("The value '\(value)' is invalid for '--timeout"))
  }
}
