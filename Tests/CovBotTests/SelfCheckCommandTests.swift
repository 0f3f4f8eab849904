import Foundation
import Testing

/// `covbot self-check` as a user runs it: the built binary, its exit status and what it prints.
@Suite struct SelfCheckCommandTests {
  @Test func printsWhatItRunsAgainstAndPasses() async throws {
    let output = try await CovBotProcess.run(
      ["self-check"], workingDirectory: FileManager.default.temporaryDirectory.path)
    #expect(output.exitCode == 0, "\(output.combined)")
    var values: [String: String] = [:]
    for line in output.stdout.split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      values[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    for label in ["covbot", "commit", "libcurl", "TLS backend", "HTTPS", "CA bundle", "CA directory", "libxml2"] {
      #expect(values[label]?.isEmpty == false, "no \(label) line in\n\(output.stdout)")
    }
    #expect(values["HTTPS"] == "yes")
    let commit = try #require(values["commit"])
    #expect(commit == "unknown" || commit.allSatisfy { $0.isHexDigit || $0 == "-" || $0.isLetter }, "\(commit)")
    #expect(values["templates"]?.hasPrefix("sha256:") == true)
    #expect(values["self-check"] == "ok")
  }

  @Test func isListedInHelp() async throws {
    let output = try await CovBotProcess.run(["--help"], workingDirectory: FileManager.default.temporaryDirectory.path)
    #expect(output.stdout.contains("self-check"), "\(output.stdout)")
  }
}
