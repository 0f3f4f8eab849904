import Foundation

/// The executables the benchmark drives: `go`, and `covbot` when it can be found.
struct BenchTools: Sendable {
  /// Absolute path of `go`.
  var go: String
  /// Absolute path of `covbot`, or why it is not available.
  var covbot: Result<String, BenchError>

  /// Where `make go` installs a project-local Go, relative to the repository root.
  static let localGo = ".tools/go/go/bin/go"

  /// Finds `go`: `explicit`, else `PATH`, else the project-local one (from the current directory or
  /// a parent of the covbot-bench binary).
  static func locateGo(explicit: String?) throws(BenchError) -> String {
    let files = FileManager.default
    if let explicit {
      guard files.isExecutableFile(atPath: explicit) else {
        throw BenchError("--go \(explicit) is not an executable file", next: "Pass the path of a go binary.")
      }
      return absolute(explicit)
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    var candidates = path.split(separator: ":").map { "\($0)/go" }
    candidates.append("\(files.currentDirectoryPath)/\(localGo)")
    var dir = URL(fileURLWithPath: executableDirectory())
    while dir.path != "/" {
      candidates.append(dir.appendingPathComponent(localGo).path)
      dir.deleteLastPathComponent()
    }
    if let found = candidates.first(where: { files.isExecutableFile(atPath: $0) }) { return absolute(found) }
    throw BenchError(
      "no go toolchain found on PATH or in \(localGo)", next: "Install Go (`make go`) or pass --go PATH.")
  }

  /// Finds `covbot`: `explicit`, else next to the covbot-bench binary.
  static func locateCovBot(explicit: String?) -> Result<String, BenchError> {
    let candidate = explicit ?? "\(executableDirectory())/covbot"
    guard FileManager.default.isExecutableFile(atPath: candidate) else {
      return .failure(
        BenchError(
          "covbot not found at \(candidate)",
          next: "Build it (`swift build -c release --product covbot`) or pass --covbot PATH"))
    }
    return .success(absolute(candidate))
  }

  /// The directory holding this executable (resolved through /proc/self/exe on Linux).
  static func executableDirectory() -> String {
    let path =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    return URL(fileURLWithPath: path).deletingLastPathComponent().path
  }

  private static func absolute(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }
}
