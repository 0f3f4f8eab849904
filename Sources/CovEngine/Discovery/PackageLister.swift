import Foundation

/// Finds the module and its packages with `go list`.
public struct PackageLister: Sendable {
  /// The toolchain to ask.
  public var go: GoToolchain
  /// The directory `go list` runs in (the module root, or inside it).
  public var directory: String

  /// Creates a lister.
  public init(go: GoToolchain, directory: String) {
    self.go = go
    self.directory = directory
  }

  /// The main module (`go list -m -json`).
  public func module() async throws -> GoModule {
    let text: String
    do {
      text = try await go.output(["list", "-m", "-json"], in: directory)
    } catch let error as GoToolError {
      let hint =
        if let goMod = Self.enclosingGoMod(of: directory) {
          "go could not load the module: fix \(goMod) (see go's message above)."
        } else {
          "Run covbot in a Go module (a directory with go.mod) or pass --module-dir."
        }
      throw GoToolError(command: error.command, reason: error.reason, hint: hint)
    }
    let modules = try JSONObjectStream.decode(GoModule.self, from: text, source: "go list -m -json")
    guard let module = modules.first, module.dir != nil else {
      throw GoToolError(
        command: "go list -m -json", reason: "\(directory) is not inside a Go module (no go.mod found)",
        hint: "Run covbot in a Go module (a directory with go.mod) or pass --module-dir.")
    }
    return module
  }

  /// The nearest `go.mod` in `directory` or above it.
  static func enclosingGoMod(of directory: String) -> String? {
    var url = URL(fileURLWithPath: directory).standardizedFileURL
    while true {
      let candidate = url.appendingPathComponent("go.mod").path
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path { return nil }
      url = parent
    }
  }

  /// The packages matching `patterns`, sorted by import path.
  ///
  /// Uses `-e` so that a package with a syntax error is still listed (its test run reports the
  /// build failure); a pattern that names a missing directory is an error.
  public func packages(matching patterns: [String]) async throws -> [GoPackage] {
    let fields = "ImportPath,Dir,Name,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles,Error"
    let text = try await go.output(["list", "-e", "-json=\(fields)"] + patterns, in: directory)
    let packages = try JSONObjectStream.decode(GoPackage.self, from: text, source: "go list -json")
    for package in packages {
      if let error = package.error, package.sourceFiles.isEmpty && !package.hasTests {
        throw GoListError(pattern: package.importPath, message: error.message)
      }
    }
    return packages.sorted { $0.importPath < $1.importPath }
  }
}

/// A package pattern does not name a package.
public struct GoListError: Error, Sendable, CustomStringConvertible {
  /// The pattern or package.
  public var pattern: String
  /// What go said.
  public var message: String

  public var description: String {
    "package pattern \(pattern): \(message). Check the PATTERN arguments and --module-dir."
  }
}
