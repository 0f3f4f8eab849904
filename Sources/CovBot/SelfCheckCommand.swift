import ArgumentParser
import CovBotKit
import Foundation

/// `covbot self-check`: print what this binary is and what it runs against; fail when it cannot work here.
struct SelfCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "self-check",
    abstract: "Print version, commit, libcurl/libxml2 versions, TLS backend, CA bundle and templates checksum.",
    discussion: """
      Exits 3 when libcurl cannot do HTTPS (covbot could not reach GitHub). A missing CA bundle is a \
      warning: gating works without one, publishing does not. The release workflow, the GitHub Action \
      and `make dist` run this on every binary they ship or install.
      """
  )

  func run() throws {
    let report = SelfCheck().run()
    Console.write(report.text, to: STDOUT_FILENO)
    if !report.passed { throw ExitStatus.infrastructure }
  }
}
