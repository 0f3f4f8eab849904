import CovEngine
import Foundation
import Testing

@Suite struct RatchetPlanTests {
  /// A module directory with one folder (and optional floor file) per package.
  func module(_ floors: [String: String?]) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("ratchet-\(UUID())").path
    for (directory, text) in floors {
      try FileManager.default.createDirectory(atPath: root + "/" + directory, withIntermediateDirectories: true)
      if let text { try text.write(toFile: root + "/\(directory)/.covgate", atomically: true, encoding: .utf8) }
    }
    return root
  }

  func package(
    _ name: String, covered: Int, total: Int = 1000, floor: String, file: Bool = true, status: PackageStatus? = nil
  ) -> PackageResult {
    let floor = Percent(floor)!
    let coverage = StatementCoverage(covered: covered, total: total)
    let decision = GateRule.decide(
      coverage: coverage, floor: floor, floorSource: file ? .file : .default, settings: GateSettings())
    return PackageResult(
      importPath: "example.com/m/\(name)", directory: name, floor: floor, floorSource: file ? .file : .default,
      floorFile: file ? "\(name)/.covgate" : nil, coverage: coverage, status: status ?? decision.status,
      suggestedFloor: decision.suggestedFloor)
  }

  func results(_ packages: [PackageResult]) -> CovResults {
    CovResults(
      toolVersion: "test", module: "example.com/m", moduleDirectory: "/nonexistent", goVersion: "go1.27",
      strategy: .single,
      startedAt: Date(), settings: GateSettings(), timings: Timings(), packages: packages)
  }

  @Test func raisesOnlyLooseExplicitFloors() throws {
    let root = try module(["loose": "70\n", "tight": "85.0\n", "below": "90\n", "nofile": nil])
    let plan = RatchetPlan(
      results: results([
        package("loose", covered: 853, floor: "70"), package("tight", covered: 853, floor: "85.0"),
        package("below", covered: 853, floor: "90"), package("nofile", covered: 999, floor: "80", file: false),
      ]), moduleDirectory: root)
    #expect(plan.changes.map(\.importPath) == ["example.com/m/loose"])
    #expect(plan.changes.first?.newFloor == Percent("85.3"))
    #expect(plan.changes.first?.oldFloor == Percent("70"))
  }

  @Test(arguments: [PackageStatus.testFail, .buildFail, .skipped])
  func neverTouchesFailedOrSkippedPackages(status: PackageStatus) throws {
    let root = try module(["x": "10\n"])
    let plan = RatchetPlan(
      results: results([package("x", covered: 900, floor: "10", status: status)]), moduleDirectory: root,
      initialize: true)
    #expect(plan.changes.isEmpty)
  }

  @Test func neverLowersAFloorEditedSinceTheRun() throws {
    // The results say 70, but the file on disk was raised to 88 meanwhile.
    let root = try module(["x": "88\n"])
    let plan = RatchetPlan(results: results([package("x", covered: 853, floor: "70")]), moduleDirectory: root)
    #expect(plan.changes.isEmpty)
  }

  @Test func keepsTheRestOfTheFileAndItsPermissions() throws {
    let root = try module(["x": "60.0\n# owner: team-a\n\nnotes\n"])
    let path = root + "/x/.covgate"
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
    let plan = RatchetPlan(results: results([package("x", covered: 777, floor: "60.0")]), moduleDirectory: root)
    let written = try plan.write()
    #expect(written == [path])
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "77.7\n# owner: team-a\n\nnotes\n")
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o640)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: root + "/x").filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
  }

  @Test func isIdempotent() throws {
    let root = try module(["x": "50\n", "y": nil])
    let input = results([
      package("x", covered: 912, floor: "50"), package("y", covered: 640, floor: "80", file: false),
    ])
    let first = RatchetPlan(results: input, moduleDirectory: root, initialize: true)
    #expect(first.changes.count == 2)
    _ = try first.write()
    let second = RatchetPlan(results: input, moduleDirectory: root, initialize: true)
    #expect(second.changes.isEmpty)
    #expect(try String(contentsOfFile: root + "/y/.covgate", encoding: .utf8) == "64.0\n")
  }

  @Test func reportsAMalformedFloorFileInsteadOfOverwritingIt() throws {
    let root = try module(["x": "seventy\n"])
    let plan = RatchetPlan(results: results([package("x", covered: 900, floor: "70")]), moduleDirectory: root)
    #expect(plan.changes.isEmpty)
    #expect(plan.problems.first?.reason.contains("x/.covgate:1") == true)
    #expect(try String(contentsOfFile: root + "/x/.covgate", encoding: .utf8) == "seventy\n")
  }

  @Test func newFloorsPassAndAreNotLooseWhenGatedAgain() throws {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      let total = Int.random(in: 1...5000, using: &generator)
      let covered = Int.random(in: 1...total, using: &generator)
      let margin = Percent(units: Int64.random(in: 0...80, using: &generator), scale: 2)
      let root = try module(["x": "0\n"])
      let input = results([package("x", covered: covered, total: total, floor: "0")])
      let plan = RatchetPlan(results: input, moduleDirectory: root, margin: margin)
      guard let change = plan.changes.first else { continue }
      let again = GateRule.decide(
        coverage: change.coverage, floor: change.newFloor, floorSource: .file, settings: input.settings)
      #expect(again.status == .pass, "\(covered)/\(total) margin \(margin) → \(change.newFloor)")
      #expect(change.newFloor > Percent("0")!)
    }
  }

  @Test func diffIsAUnifiedDiffOfEveryFile() throws {
    let root = try module(["x": "60\nkeep\n", "y": nil])
    let plan = RatchetPlan(
      results: results([package("x", covered: 777, floor: "60"), package("y", covered: 500, floor: "80", file: false)]),
      moduleDirectory: root, initialize: true)
    #expect(
      plan.unifiedDiff == """
        --- a/x/.covgate
        +++ b/x/.covgate
        @@ -1,2 +1,2 @@
        -60
        +77.7
         keep
        --- /dev/null
        +++ b/y/.covgate
        @@ -0,0 +1,1 @@
        +50.0

        """)
  }

  /// Replaces `directory`'s `.covgate` with a link to `target` (relative to the link).
  func link(_ root: String, _ directory: String, to target: String) throws {
    try FileManager.default.createDirectory(atPath: root + "/" + directory, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: root + "/\(directory)/.covgate", withDestinationPath: target)
  }

  func isLink(_ path: String) -> Bool {
    (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeSymbolicLink
  }

  @Test func aSymlinkedFloorFileUpdatesItsTargetAndStaysALink() throws {
    let root = try module(["floors": nil])
    try "60.0\n# shared\n".write(toFile: root + "/floors/x.covgate", atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: root + "/floors/x.covgate")
    try link(root, "x", to: "../floors/x.covgate")
    let plan = RatchetPlan(results: results([package("x", covered: 777, floor: "60.0")]), moduleDirectory: root)
    #expect(plan.changes.map(\.floorFile) == ["floors/x.covgate"])
    let written = try plan.write()
    #expect(written == [root + "/floors/x.covgate"])
    #expect(isLink(root + "/x/.covgate"))
    #expect(try String(contentsOfFile: root + "/floors/x.covgate", encoding: .utf8) == "77.7\n# shared\n")
    let mode = try FileManager.default.attributesOfItem(atPath: root + "/floors/x.covgate")[.posixPermissions] as? Int
    #expect(mode == 0o640)
  }

  @Test func packagesSharingOneFloorFileGetTheLowestFloor() throws {
    let root = try module(["floors": nil])
    try "60.0\n".write(toFile: root + "/floors/shared.covgate", atomically: false, encoding: .utf8)
    try link(root, "a", to: "../floors/shared.covgate")
    try link(root, "b", to: "../floors/shared.covgate")
    let plan = RatchetPlan(
      results: results([package("a", covered: 853, floor: "60.0"), package("b", covered: 777, floor: "60.0")]),
      moduleDirectory: root)
    #expect(plan.changes.count == 1)
    #expect(plan.changes.first?.newFloor == Percent("77.7"))
    #expect(plan.changes.first?.sharedBy == ["example.com/m/a", "example.com/m/b"])
    _ = try plan.write()
    #expect(try String(contentsOfFile: root + "/floors/shared.covgate", encoding: .utf8) == "77.7\n")
  }

  @Test func aFloorFileSharedWithAFailedPackageIsLeftAlone() throws {
    let root = try module(["floors": nil])
    try "60.0\n".write(toFile: root + "/floors/shared.covgate", atomically: false, encoding: .utf8)
    try link(root, "a", to: "../floors/shared.covgate")
    try link(root, "b", to: "../floors/shared.covgate")
    let plan = RatchetPlan(
      results: results([
        package("a", covered: 853, floor: "60.0"), package("b", covered: 0, floor: "60.0", status: .testFail),
      ]), moduleDirectory: root)
    #expect(plan.changes.isEmpty)
    #expect(plan.problems.first?.reason.contains("shared (through symbolic links) with example.com/m/b") == true)
  }

  @Test func aDanglingFloorLinkIsAProblemNotANewFile() throws {
    let root = try module([:])
    try link(root, "x", to: "../floors/gone.covgate")
    let plan = RatchetPlan(results: results([package("x", covered: 777, floor: "60.0")]), moduleDirectory: root)
    #expect(plan.changes.isEmpty)
    #expect(plan.problems.first?.reason.contains("dangling symbolic link") == true)
    #expect(isLink(root + "/x/.covgate"))
  }
}
