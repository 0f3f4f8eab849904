import CovBotSupport
import CovEngine
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Output files through the built binary: links written through, devices never replaced.
@Suite struct OutputFileCommandTests {
  func kind(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
  }

  @Test func reportWritesThroughLinksAndReportsAFullDevice() async throws {
    let directory = try HostileResultsCommandTests.files("durationSeconds", "2")
    try FileManager.default.createDirectory(atPath: directory + "/shared", withIntermediateDirectories: true)
    try "old".write(toFile: directory + "/shared/comment.md", atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory + "/shared/comment.md")
    try FileManager.default.createSymbolicLink(
      atPath: directory + "/comment.md", withDestinationPath: "shared/comment.md")
    // /dev/full's and /dev/null's device numbers in our own directory, so that a regression cannot
    // replace the system's nodes (glibc encodes small device numbers as major << 8 | minor).
    var full = directory + "/full"
    if mknod(full, S_IFCHR | 0o666, dev_t(1 << 8 | 7)) != 0 { full = "/dev/full" }
    var null = directory + "/null"
    if mknod(null, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) != 0 { null = "/dev/null" }

    let output = try await CovBotProcess.run(
      ["report", "--results", "good.json", "--markdown", "comment.md", "--junit", full, "--summary", null],
      workingDirectory: directory)
    #expect(output.exitCode != 0, "\(output.combined)")
    #expect(output.stderr.contains("No space left on device"), "\(output.stderr)")
    #expect(kind(full) == S_IFCHR)
    #expect(kind(null) == S_IFCHR)
    #expect(kind(directory + "/comment.md") == S_IFLNK)
    let comment = try String(contentsOfFile: directory + "/shared/comment.md", encoding: .utf8)
    #expect(comment.contains("example.com/m/a"))
    let mode = try FileManager.default.attributesOfItem(atPath: directory + "/shared/comment.md")[.posixPermissions]
    #expect(mode as? Int == 0o600)
  }

  // ThreadSanitizer's runtime itself dies with SIGBUS under a file size limit before covbot starts.
  @Test(.disabled(if: Sanitizer.isThreadSanitizerLoaded, "the TSan runtime cannot start under `ulimit -f`"))
  func aWriteThatFailsHalfwayLeavesNoTemporaryFile() async throws {
    let directory = try HostileResultsCommandTests.files("durationSeconds", "2")
    // A file size limit of 0 makes writing the temporary file fail (EFBIG) after it was created.
    let shell = ChildProcess(
      executable: "/bin/sh",
      arguments: [
        "-c", "trap '' XFSZ; ulimit -f 0; exec \"$0\" report --results good.json --summary out.md",
        try CovBotProcess.binary,
      ], workingDirectory: directory, timeout: .seconds(60))
    let (result, _) = try await shell.runCollecting()
    #expect(!result.succeeded)
    #expect(result.stderr.contains("cannot write out.md"), "\(result.stderr)")
    #expect(result.stderr.contains("File too large"), "\(result.stderr)")
    let left = try FileManager.default.contentsOfDirectory(atPath: directory).filter {
      $0 != "good.json" && $0 != "bad.json"
    }
    #expect(left.isEmpty, "\(left)")
  }
}
