import CovBotSupport
import CovEngine
import Foundation

/// Coverage computed without CovBot's engine: `go test -coverprofile` per package, then
/// `go tool cover -func` for the percentage and a plain line count for the statements.
public enum IndependentCoverage {
  /// What go itself says about one package.
  public struct Figures: Sendable {
    /// Covered and total statements, counted from the profile with a naive parser.
    public var coverage: StatementCoverage
    /// The `total:` percentage printed by `go tool cover -func` (one decimal).
    public var coverFuncPercent: Double
  }

  /// Runs go on `package` (an import path) inside `moduleDirectory`.
  public static func measure(package: String, in moduleDirectory: String) async throws -> Figures {
    let go = try GoFixture.toolchain()
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("indep-\(UUID()).out").path
    defer { try? FileManager.default.removeItem(atPath: profile) }
    let test = go.command(["test", "-cover", "-coverprofile=\(profile)", package], in: moduleDirectory)
    _ = try await test.runCollecting()  // a failing test still writes its profile
    let (funcResult, funcOutput) = try await go.command(["tool", "cover", "-func=\(profile)"], in: moduleDirectory)
      .runCollecting()
    guard funcResult.succeeded,
      let totalLine = funcOutput.split(separator: "\n").last(where: { $0.hasPrefix("total:") }),
      let percentText = totalLine.split(whereSeparator: { $0 == " " || $0 == "\t" }).last?.dropLast(),
      let percent = Double(percentText)
    else {
      throw FixtureError("go tool cover -func failed for \(package): \(funcResult.stderr)\n\(funcOutput)")
    }
    // Naive count: unique blocks (by position), statements once, covered if any count > 0.
    let text = try String(contentsOfFile: profile, encoding: .utf8)
    var blocks: [Substring: (Int, Bool)] = [:]
    for line in text.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: " ")
      guard fields.count == 3, let statements = Int(fields[1]), let count = Int(fields[2]) else { continue }
      let previous = blocks[fields[0]]
      blocks[fields[0]] = (statements, (previous?.1 ?? false) || count > 0)
    }
    let total = blocks.values.reduce(0) { $0 + $1.0 }
    let covered = blocks.values.reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
    return Figures(coverage: StatementCoverage(covered: covered, total: total), coverFuncPercent: percent)
  }
}
