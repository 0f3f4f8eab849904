import CovEngine
import FakeGitHub
import Foundation
import TestSupport
import Testing

/// Ctrl-C after the measurement: the signal watcher used to leave SIGINT ignored, so a publish
/// waiting out a rate limit (up to --max-wait) could not be stopped (issue 12).
@Suite struct PublishInterruptTests {
  @Test func sigintDuringARateLimitWaitExits130Promptly() async throws {
    try await FakeGitHub.withServer { fake in
      await fake.inject(FakeFault(.primaryRateLimit(status: 403, resetIn: 120), method: "GET", times: 5))
      let directory = try GoFixture.copy("hostile")
      let environment = [
        "GITHUB_API_URL": fake.apiURL, "GITHUB_TOKEN": fake.token, "GITHUB_REPOSITORY": "octo/demo",
      ]
      // Started directly (not from `sh … &`, which would start it with SIGINT ignored, as POSIX says).
      async let run = CovBotProcess.run(
        ["gate", "./good", "--publish", "--pr", "4", "--sha", String(repeating: "ef", count: 20), "--max-wait", "300"],
        environment: environment, workingDirectory: directory, timeout: .seconds(240))
      // Wait until covbot has measured and asked GitHub (and got the rate limit).
      var asked = false
      for _ in 0..<1_200 where !asked {
        try await Task.sleep(for: .milliseconds(100))
        asked = !(await fake.requests().isEmpty)
      }
      #expect(asked, "covbot never reached GitHub")
      try await Task.sleep(for: .milliseconds(500))
      let binary = try CovBotProcess.binary
      let pid = try #require(
        ProcessScan.processes(workingUnder: directory).first { pid in
          (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")) == binary
        })
      let signalled = ContinuousClock.now
      kill(pid, SIGINT)
      let output = try await run
      #expect(output.exitCode == 130, "\(output.combined)")
      #expect(ContinuousClock.now - signalled < .seconds(10), "covbot kept waiting for the rate limit")
    }
  }
}
