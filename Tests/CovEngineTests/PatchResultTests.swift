import CovEngine
import DecodingDiagnostics
import Foundation
import Testing

/// A hostile edit of a valid results document and the field its error must name.
struct HostilePatchJSON: Sendable, CustomTestStringConvertible {
  var name: String
  var replace: String
  var with: String
  var field: String

  var testDescription: String { name }
}

@Suite struct PatchResultTests {
  static let valid = """
    {"base":"0123456789abcdef0123456789abcdef01234567","coveredLines":3,"partialLines":1,"missedLines":2,\
    "percent":50,"floor":40,"status":"pass","files":[{"path":"svc/pkg/a.go","changedLines":7,"coveredLines":3,\
    "partialLines":1,"missedLines":2,"missedRanges":[[4,5]],"partialRanges":[[9,9]],"measured":true},\
    {"path":"svc/gen/b.go","changedLines":2,"coveredLines":0,"partialLines":0,"missedLines":0,"missedRanges":[],\
    "partialRanges":[],"measured":false}]}
    """

  static func decode(_ json: String) throws -> PatchResult {
    try JSONDecoder().decode(PatchResult.self, from: Data(json.utf8))
  }

  @Test func decodesAndRoundTrips() throws {
    let result = try Self.decode(Self.valid)
    #expect(result.coverage == StatementCoverage(covered: 3, total: 6))
    #expect(result.status == .pass)
    #expect(result.files.count == 2)
    #expect(result.files[0].missedRanges == [LineRange(start: 4, end: 5)])
    let encoded = try JSONEncoder().encode(result)
    #expect(try JSONDecoder().decode(PatchResult.self, from: encoded) == result)
  }

  @Test func encodesNullsExplicitly() throws {
    let result = PatchResult(base: nil, files: [], floor: nil)
    let text = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
    #expect(text.contains("\"percent\":null"))
    #expect(text.contains("\"floor\":null"))
    #expect(text.contains("\"base\":null"))
    #expect(text.contains("\"status\":\"info\""))
  }

  static let hostile: [HostilePatchJSON] = [
    HostilePatchJSON(
      name: "negative count", replace: "\"changedLines\":7", with: "\"changedLines\":-7",
      field: "files[0].changedLines"),
    HostilePatchJSON(
      name: "per-file count over Int32.max", replace: "\"changedLines\":7", with: "\"changedLines\":2147483648",
      field: "files[0].changedLines"),
    HostilePatchJSON(
      name: "range end before start", replace: "[[4,5]]", with: "[[5,4]]", field: "files[0].missedRanges[0]"),
    HostilePatchJSON(
      name: "range starting at 0", replace: "[[9,9]]", with: "[[0,0]]", field: "files[0].partialRanges[0]"),
    HostilePatchJSON(
      name: "range of three numbers", replace: "[[9,9]]", with: "[[9,9,9]]", field: "files[0].partialRanges[0]"),
    HostilePatchJSON(
      name: "ranges holding other counts", replace: "[[4,5]]", with: "[[4,6]]", field: "files[0].missedRanges"),
    HostilePatchJSON(
      name: "overlapping ranges", replace: "\"missedRanges\":[[4,5]]", with: "\"missedRanges\":[[4,4],[4,4]]",
      field: "files[0].missedRanges"),
    HostilePatchJSON(
      name: "path with NUL", replace: "svc/pkg/a.go", with: "svc/pkg/a\\u0000.go", field: "files[0].path"),
    HostilePatchJSON(
      name: "path with escape", replace: "svc/pkg/a.go", with: "svc/\\u001b[31m.go", field: "files[0].path"),
    HostilePatchJSON(
      name: "path too long", replace: "svc/pkg/a.go", with: String(repeating: "x", count: 4097),
      field: "files[0].path"),
    HostilePatchJSON(name: "absolute path", replace: "svc/pkg/a.go", with: "/etc/passwd", field: "files[0].path"),
    HostilePatchJSON(name: "dot-dot path", replace: "svc/pkg/a.go", with: "../x.go", field: "files[0].path"),
    HostilePatchJSON(
      name: "more counted than changed", replace: "\"changedLines\":2,", with: "\"changedLines\":2,",
      field: "none"),
    HostilePatchJSON(
      name: "counted lines in an unmeasured file", replace: "\"measured\":false", with: "\"measured\":false",
      field: "none"),
    HostilePatchJSON(
      name: "totals disagreeing with files",
      replace: "\"coveredLines\":3,\"partialLines\":1,\"missedLines\":2,\"percent\"",
      with: "\"coveredLines\":300,\"partialLines\":1,\"missedLines\":2,\"percent\"", field: "coveredLines"),
    HostilePatchJSON(name: "status contradicting numbers", replace: "\"pass\"", with: "\"fail\"", field: "status"),
    HostilePatchJSON(name: "unknown status", replace: "\"pass\"", with: "\"great\"", field: "status"),
    HostilePatchJSON(name: "percent over 100", replace: "\"percent\":50", with: "\"percent\":500", field: "percent"),
    HostilePatchJSON(name: "floor over 100", replace: "\"floor\":40", with: "\"floor\":400", field: "floor"),
    HostilePatchJSON(name: "base with newline", replace: "\"base\":\"0123", with: "\"base\":\"\\n0123", field: "base"),
    HostilePatchJSON(
      name: "negative total", replace: "\"partialLines\":1,\"missedLines\":2,\"percent\"",
      with: "\"partialLines\":-1,\"missedLines\":2,\"percent\"", field: "partialLines"),
  ]

  @Test(arguments: hostile.filter { $0.field != "none" })
  func refusesHostileValuesNamingTheField(_ example: HostilePatchJSON) throws {
    #expect(Self.valid.contains(example.replace))
    let json = Self.valid.replacingOccurrences(of: example.replace, with: example.with)
    let error = #expect(throws: DecodingError.self) { try Self.decode(json) }
    let text = error.map { DecodingErrorText.describe($0) } ?? ""
    #expect(text.hasPrefix("field \(example.field):") || text.hasPrefix("missing field \(example.field)"), "\(text)")
  }

  @Test func refusesInconsistentFileCounts() throws {
    let moreCounted = Self.valid.replacingOccurrences(
      of: "\"changedLines\":7,\"coveredLines\":3", with: "\"changedLines\":5,\"coveredLines\":3")
    let error = #expect(throws: DecodingError.self) { try Self.decode(moreCounted) }
    #expect(error.map { DecodingErrorText.describe($0) }?.hasPrefix("field files[0].changedLines:") == true)
    let countedUnmeasured = Self.valid.replacingOccurrences(of: "\"measured\":true", with: "\"measured\":false")
    let second = #expect(throws: DecodingError.self) { try Self.decode(countedUnmeasured) }
    #expect(second.map { DecodingErrorText.describe($0) }?.hasPrefix("field files[0].measured:") == true)
  }

  // MARK: - Merging shards

  static func file(_ path: String, covered: Int, missed: Int, measured: Bool = true) -> PatchFileCoverage {
    PatchFileCoverage(
      path: path, changedLines: 10, coveredLines: measured ? covered : 0, missedLines: measured ? missed : 0,
      missedRanges: measured && missed > 0 ? [LineRange(start: 1, end: missed)] : [], measured: measured)
  }

  @Test func mergeTakesEachFileFromTheShardThatMeasuredIt() throws {
    let floor = Percent("50")
    let first = PatchResult(
      base: "abc",
      files: [Self.file("a.go", covered: 4, missed: 1), Self.file("b.go", covered: 0, missed: 0, measured: false)],
      floor: floor)
    let second = PatchResult(
      base: "abc",
      files: [Self.file("a.go", covered: 0, missed: 0, measured: false), Self.file("b.go", covered: 1, missed: 3)],
      floor: floor)
    let merged = try PatchResult.merging([first, second])
    #expect(merged.files.map(\.measured) == [true, true])
    #expect(merged.coverage == StatementCoverage(covered: 5, total: 9))
    #expect(merged.status == .pass)
  }

  @Test func mergeRefusesDisagreements() {
    let a = PatchResult(base: "abc", files: [Self.file("a.go", covered: 4, missed: 1)], floor: nil)
    let b = PatchResult(base: "abc", files: [Self.file("a.go", covered: 3, missed: 2)], floor: nil)
    #expect(throws: PatchMergeError.self) { try PatchResult.merging([a, b]) }
    #expect(throws: PatchMergeError.self) {
      try PatchResult.merging([a, PatchResult(base: "def", files: a.files, floor: nil)])
    }
    #expect(throws: PatchMergeError.self) {
      try PatchResult.merging([a, PatchResult(base: "abc", files: a.files, floor: Percent("1"))])
    }
    #expect(throws: PatchMergeError.self) { try PatchResult.merging([]) }
    #expect(throws: PatchMergeError.self) {
      try PatchResult.merging([a, PatchResult(base: "abc", files: [], floor: nil)])
    }
    // Files in another order (a decoded shard keeps the file's order) are the same files.
    let two = PatchResult(
      base: "abc", files: [Self.file("a.go", covered: 1, missed: 0), Self.file("b.go", covered: 1, missed: 0)],
      floor: nil)
    var reordered = two
    reordered.files.reverse()
    #expect((try? PatchResult.merging([two, reordered])) == two)
    // The same figures twice are accepted.
    #expect((try? PatchResult.merging([a, a])) == a)
  }
}
