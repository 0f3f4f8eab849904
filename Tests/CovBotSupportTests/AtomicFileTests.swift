import Foundation
import Testing

@testable import CovBotSupport

#if canImport(Glibc)
import Glibc
#endif

@Suite struct AtomicFileTests {
  let root: String

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID())").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
  }

  func mode(_ path: String) throws -> Int {
    try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
  }

  func kind(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
  }

  func leftovers(_ directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".tmp") }
  }

  /// The process umask, read without changing it (umask(2) is process-wide and tests run in parallel).
  func currentUmask() throws -> Int {
    let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
    let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Umask:") })
    return try #require(Int(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8))
  }

  @Test func aNewFileGetsModeSixFourFourMinusTheUmask() throws {
    let path = root + "/new/dir/out.json"
    try AtomicFile.write("{}\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "{}\n")
    #expect(try mode(path) == 0o644 & ~currentUmask())
  }

  @Test(arguments: [0o600, 0o640, 0o755])
  func anExistingFileKeepsItsMode(existing: Int) throws {
    let path = root + "/out.xml"
    try "old".write(toFile: path, atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: existing], ofItemAtPath: path)
    try AtomicFile.write("new", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    #expect(try mode(path) == existing)
    #expect(try leftovers(root).isEmpty)
  }

  @Test func aSymlinkIsWrittenThroughToItsTargetAndStaysALink() throws {
    let shared = root + "/shared"
    try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
    try "old\n".write(toFile: shared + "/target.md", atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: shared + "/target.md")
    // A chain: out.md → hop (relative) → shared/target.md (absolute).
    try FileManager.default.createSymbolicLink(atPath: root + "/hop", withDestinationPath: shared + "/target.md")
    try FileManager.default.createSymbolicLink(atPath: root + "/out.md", withDestinationPath: "hop")

    try AtomicFile.write("new\n", to: root + "/out.md")

    #expect(kind(root + "/out.md") == S_IFLNK)
    #expect(kind(root + "/hop") == S_IFLNK)
    #expect(try String(contentsOfFile: shared + "/target.md", encoding: .utf8) == "new\n")
    #expect(try mode(shared + "/target.md") == 0o640)
    #expect(try leftovers(root).isEmpty && leftovers(shared).isEmpty)
  }

  @Test func aDanglingSymlinkCreatesItsTarget() throws {
    try FileManager.default.createSymbolicLink(atPath: root + "/out.json", withDestinationPath: "later.json")
    try AtomicFile.write("{}", to: root + "/out.json")
    #expect(kind(root + "/out.json") == S_IFLNK)
    #expect(kind(root + "/later.json") == S_IFREG)
    #expect(try String(contentsOfFile: root + "/later.json", encoding: .utf8) == "{}")
    #expect(try mode(root + "/later.json") == 0o644 & ~currentUmask())
  }

  @Test func aFIFOIsWrittenIntoNotReplaced() throws {
    let path = root + "/pipe"
    #expect(mkfifo(path, 0o600) == 0)
    // A reader first, so that opening the FIFO for writing does not wait.
    let reader = open(path, O_RDONLY | O_NONBLOCK)
    try #require(reader >= 0)
    defer { close(reader) }
    try AtomicFile.write("through the pipe", to: path)
    #expect(kind(path) == S_IFIFO)
    var buffer = [UInt8](repeating: 0, count: 64)
    let count = read(reader, &buffer, buffer.count)
    #expect(count > 0 && String(decoding: buffer[..<count], as: UTF8.self) == "through the pipe")
  }

  @Test func devNullStaysADevice() throws {
    try AtomicFile.write("discarded", to: "/dev/null")
    #expect(kind("/dev/null") == S_IFCHR)
  }

  @Test func aFullDeviceReportsNoSpaceAndStaysADevice() throws {
    // A private node of /dev/full's device numbers when we may create one, so that a regression
    // replaces a file in our own directory rather than the system's /dev/full.
    var path = root + "/full"
    // glibc encodes small device numbers as major << 8 | minor (makedev is a macro Swift cannot see).
    if mknod(path, S_IFCHR | 0o666, dev_t(1 << 8 | 7)) != 0 { path = "/dev/full" }
    let error = #expect(throws: FileWriteError.self) { try AtomicFile.write("x", to: path) }
    #expect(error?.description.contains("No space left on device") == true)
    #expect(error?.description.contains(path) == true)
    #expect(kind(path) == S_IFCHR)
  }

  @Test func aDirectoryIsAnErrorNamingIt() throws {
    try FileManager.default.createDirectory(atPath: root + "/reports", withIntermediateDirectories: true)
    let error = #expect(throws: FileWriteError.self) { try AtomicFile.write("x", to: root + "/reports") }
    #expect(error?.description.contains("cannot write \(root)/reports: it is a directory") == true)
    #expect(kind(root + "/reports") == S_IFDIR)
  }

  @Test func errorsCarryTheSystemReason() throws {
    try "a file".write(toFile: root + "/blocker", atomically: false, encoding: .utf8)
    let error = #expect(throws: FileWriteError.self) { try AtomicFile.write("x", to: root + "/blocker/out.json") }
    #expect(error?.description.contains("Not a directory") == true)
  }

  @Test func aFailedRenameLeavesNoTemporaryFile() throws {
    // A link whose target's directory does not exist: nothing may be created anywhere.
    try FileManager.default.createSymbolicLink(atPath: root + "/out.json", withDestinationPath: "missing/out.json")
    let error = #expect(throws: FileWriteError.self) { try AtomicFile.write("x", to: root + "/out.json") }
    #expect(error?.description.contains("No such file or directory") == true)
    #expect(try leftovers(root).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: root + "/missing"))
  }

  @Test func aFileHeldOpenBehindProcIsAppendedToNotReplaced() throws {
    let path = root + "/stdout.log"
    try "earlier output\n".write(toFile: path, atomically: false, encoding: .utf8)
    let descriptor = open(path, O_WRONLY | O_APPEND)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    var before = stat()
    #expect(stat(path, &before) == 0)
    try AtomicFile.write("{}\n", to: "/proc/self/fd/\(descriptor)")
    var after = stat()
    #expect(stat(path, &after) == 0)
    #expect(after.st_ino == before.st_ino)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "earlier output\n{}\n")
  }

  @Test(arguments: [
    ("/dev/stdout", true), ("/dev/stderr", true), ("/dev/fd/3", true), ("/proc/self/fd/7", true),
    ("/proc/123/fd/1", true), ("/dev/shm/out.json", false), ("/dev/null", false), ("dev/stdout", false),
    ("/tmp/fd/3", false),
  ])
  func descriptorPathsAreRecognised(path: String, expected: Bool) {
    #expect(AtomicFile.isDescriptorPath(path) == expected)
  }
}
