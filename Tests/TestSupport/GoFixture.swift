import CovEngine
import Foundation

/// The Go fixture modules under Tests/Fixtures, copied to a scratch directory per test.
public enum GoFixture {
  /// The repository root (two levels above this file's folder).
  public static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Copies fixture module `name` to a fresh temporary directory and returns its path.
  public static func copy(_ name: String) throws -> String {
    let source = repositoryRoot.appendingPathComponent("Tests/Fixtures/\(name)")
    guard FileManager.default.fileExists(atPath: source.path) else { throw FixtureError("no fixture \(source.path)") }
    let destination = FileManager.default.temporaryDirectory
      .appendingPathComponent("covbot-fixture-\(name)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.copyItem(at: source, to: destination)
    return destination.path
  }

  /// PATH with a Go toolchain: the current PATH when it has `go`, else the project-local `.tools/go`.
  public static func pathWithGo() throws -> String {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    if (try? GoToolchain.locate()) != nil { return path }
    let local = repositoryRoot.appendingPathComponent(".tools/go/go/bin")
    guard FileManager.default.isExecutableFile(atPath: local.appendingPathComponent("go").path) else {
      throw FixtureError("no go on PATH and none in \(local.path); run `make go`")
    }
    return local.path + ":" + path
  }

  /// The go toolchain the tests use, with GOWORK=off and the environment tests require.
  public static func toolchain() throws -> GoToolchain {
    var go = try GoToolchain.locate(
      explicitPath: try pathWithGo().split(separator: ":").lazy
        .map { "\($0)/go" }.first { FileManager.default.isExecutableFile(atPath: $0) })
    go.environment["GOTOOLCHAIN"] = "local"
    go.environment["GOPROXY"] = "off"
    go.environment["GOFLAGS"] = ""
    return go
  }
}

/// A test fixture could not be set up.
public struct FixtureError: Error, CustomStringConvertible {
  /// What is missing.
  public var description: String

  /// Creates an error.
  public init(_ description: String) { self.description = description }
}
