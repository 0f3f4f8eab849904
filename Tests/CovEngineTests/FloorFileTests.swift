import CovEngine
import Foundation
import Testing

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
}
