import CovEngine
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct FloorFileTests {
  @Test(arguments: [
    ("78.4\n", "78.4"), ("80", "80.0"), ("  65.25  \n# comment\n", "65.25"), ("\u{FEFF}70\r\n", "70.0"),
    ("55%\n", "55.0"), ("0\n", "0.0"), ("100.0\n", "100.0"),
  ])
  func parsesTheFirstLine(text: String, expected: String) throws {
    let file = try FloorFile.parse(text, path: "pkg/.covgate")
    #expect(file.floor.description == expected)
  }

  @Test(arguments: [
    ("", "the first line is empty"), ("\n80\n", "the first line is empty"), ("eighty\n", "is not a percentage"),
    ("101\n", "outside 0–100"), ("-1\n", "outside 0–100"), ("80.1234567\n", "is not a percentage"),
    ("80 90\n", "is not a percentage"),
  ])
  func rejectsMalformedFilesNamingFileAndLine(text: String, reason: String) {
    #expect {
      try FloorFile.parse(text, path: "internal/x/.covgate")
    } throws: { error in
      let description = "\(error)"
      return description.hasPrefix("internal/x/.covgate:1: ") && description.contains(reason)
    }
  }

  @Test func keepsEverythingAfterTheFirstLine() throws {
    let file = try FloorFile.parse("60.0\n# raised by hand\nowner: team-a\n", path: ".covgate")
    #expect(file.rendered(with: Percent(units: 725, scale: 1)) == "72.5\n# raised by hand\nowner: team-a\n")
  }

  @Test func loadReturnsNilWithoutAFile() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("floor-\(UUID())").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    #expect(try FloorFile.load(inDirectory: directory) == nil)
    try "12.5\n".write(toFile: directory + "/.covgate", atomically: true, encoding: .utf8)
    #expect(try FloorFile.load(inDirectory: directory)?.floor == Percent(units: 125, scale: 1))
  }

  @Test func rejectsNonUTF8() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("covgate-\(UUID())").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data([0xFF, 0xFE, 0x38, 0x30])))
    #expect(throws: FloorFileError.self) { try FloorFile.load(path: path) }
  }

  func directory() throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("floor-\(UUID())").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    return directory
  }

  func loadError(_ directory: String) -> FloorFileError? {
    #expect(throws: FloorFileError.self) { try FloorFile.load(inDirectory: directory) }
  }

  @Test func aSymlinkIsReadThroughToItsTarget() throws {
    let root = try directory()
    try "66.6\n".write(toFile: root + "/shared.covgate", atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: root + "/.covgate", withDestinationPath: "shared.covgate")
    #expect(try FloorFile.load(inDirectory: root)?.floor == Percent("66.6"))
  }

  @Test func aDanglingSymlinkIsAnErrorNotTheDefaultFloor() throws {
    let root = try directory()
    try FileManager.default.createSymbolicLink(atPath: root + "/.covgate", withDestinationPath: "../gone/.covgate")
    let error = loadError(root)
    #expect(error?.path == root + "/.covgate")
    #expect(error?.description.contains("dangling symbolic link to \"../gone/.covgate\"") == true)
  }

  @Test func aSymlinkLoopGivesTheSystemReason() throws {
    let root = try directory()
    try FileManager.default.createSymbolicLink(atPath: root + "/.covgate", withDestinationPath: ".covgate")
    #expect(loadError(root)?.description.contains("Too many levels of symbolic links") == true)
  }

  @Test(.enabled(if: geteuid() != 0, "root reads any file"))
  func anUnreadableFileGivesTheSystemReason() throws {
    let root = try directory()
    try "70\n".write(toFile: root + "/.covgate", atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: root + "/.covgate")
    #expect(loadError(root)?.description.contains("Permission denied") == true)
  }

  @Test func aDirectoryFIFOOrDeviceIsAnErrorNamingIt() throws {
    let root = try directory()
    try FileManager.default.createDirectory(atPath: root + "/d/.covgate", withIntermediateDirectories: true)
    #expect(loadError(root + "/d")?.description.contains("d/.covgate: it is a directory") == true)
    // A FIFO without a writer: reading it would block forever.
    try FileManager.default.createDirectory(atPath: root + "/f", withIntermediateDirectories: true)
    #expect(mkfifo(root + "/f/.covgate", 0o600) == 0)
    #expect(loadError(root + "/f")?.description.contains("f/.covgate: it is a FIFO") == true)
    try FileManager.default.createDirectory(atPath: root + "/c", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: root + "/c/.covgate", withDestinationPath: "/dev/zero")
    #expect(loadError(root + "/c")?.description.contains("it is a character device") == true)
  }

  @Test func aHugeFirstLineIsRefusedWithoutEchoingIt() throws {
    let root = try directory()
    try Data(repeating: UInt8(ascii: "9"), count: 5_000_000).write(to: URL(fileURLWithPath: root + "/.covgate"))
    let error = loadError(root)
    #expect(error?.description.contains(":1: the first line is longer than 4096 bytes") == true)
    #expect((error?.description.count ?? .max) < 300)
  }

  @Test func aHugeFileIsRefusedAfterABoundedRead() throws {
    let root = try directory()
    var data = Data("70\n".utf8)
    data.append(Data(repeating: UInt8(ascii: "#"), count: 2_000_000))
    try data.write(to: URL(fileURLWithPath: root + "/.covgate"))
    #expect(loadError(root)?.description.contains("larger than 65536 bytes") == true)
  }

  @Test(arguments: [
    ("8\u{0}0\n", "\"8\\u{0}0\""), ("\u{1B}[31m80\n", "\"\\u{1B}[31m80\""),
    ("80\u{202E}1\n", "\"80\\u{202E}1\""),
    (String(repeating: "x", count: 1000) + "\n", "\"" + String(repeating: "x", count: 40) + "…\""),
  ])
  func echoedValuesAreEscapedAndCut(text: String, shown: String) {
    let error = #expect(throws: FloorFileError.self) { try FloorFile.parse(text, path: ".covgate") }
    #expect(error?.reason == "\(shown) is not a percentage")
    let raw = error?.description.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E }
    #expect(raw == false)
  }

  @Test func tooManyDecimalsStatesTheLimit() {
    let error = #expect(throws: FloorFileError.self) { try FloorFile.parse("80.123456789\n", path: ".covgate") }
    #expect(error?.description.contains("is not a percentage with at most 6 decimals") == true)
  }

  @Test func aDanglingLinksTargetIsEscapedWhenEchoed() throws {
    let root = try directory()
    try FileManager.default.createSymbolicLink(atPath: root + "/.covgate", withDestinationPath: "gone\u{1B}[2K\u{202E}")
    let description = loadError(root)?.description ?? ""
    #expect(description.contains("to \"gone\\u{1B}[2K\\u{202E}\""), "\(description)")
    #expect(!description.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
  }
}
