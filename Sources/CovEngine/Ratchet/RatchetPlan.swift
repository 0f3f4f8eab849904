import CovBotSupport
import Foundation

/// Floors to raise: explicit floors that are LOOSE, and with `initialize` packages without a `.covgate`.
///
/// Never lowers a floor; never touches packages whose tests or build failed; a malformed floor
/// file is reported, not overwritten. Planning reads the floor files as they are on disk, so a
/// second run over the same results finds nothing to do.
public struct RatchetPlan: Sendable, Hashable {
  /// One floor file to write.
  public struct Change: Sendable, Hashable {
    /// The package.
    public var importPath: String
    /// The floor file, relative to the module root.
    public var floorFile: String
    /// The floor on disk now (`nil` for a new file).
    public var oldFloor: Percent?
    /// The floor to write.
    public var newFloor: Percent
    /// The measured coverage.
    public var coverage: StatementCoverage
    /// The file's full new text (first line replaced, the rest kept).
    public var newText: String
    /// The file's current text (`nil` for a new file).
    public var oldText: String?
  }

  /// A package that needed attention but was left alone.
  public struct Problem: Sendable, Hashable {
    /// The package.
    public var importPath: String
    /// Why it was left alone.
    public var reason: String
  }

  /// The module root the floor files are relative to.
  public var moduleDirectory: String
  /// The margin below coverage that was asked for.
  public var margin: Percent
  /// The tolerance the new floors respect.
  public var tolerance: Percent
  /// The files to write, by import path.
  public var changes: [Change]
  /// Packages left alone (malformed floor files).
  public var problems: [Problem]

  /// Plans the ratchet for `results`; floor files are read from `moduleDirectory`.
  public init(results: CovResults, moduleDirectory: String, margin: Percent = .zero, initialize: Bool = false) {
    self.moduleDirectory = moduleDirectory
    self.margin = margin
    self.tolerance = results.settings.tolerance
    var changes: [Change] = []
    var problems: [Problem] = []
    for package in results.packages {
      let eligible: Bool
      switch package.status {
      case .loose: eligible = package.floorSource == .file
      case .pass, .fail: eligible = initialize && package.floorSource == .default
      case .testFail, .buildFail, .skipped, .noStatements: eligible = false
      }
      guard eligible, package.totalStatements > 0 else { continue }
      let relativeFile = package.floorFile ?? Self.join(package.dir, FloorFile.fileName)
      let path = (moduleDirectory as NSString).appendingPathComponent(relativeFile)
      let newFloor = FloorSuggestion.floor(for: package.coverage, margin: margin, tolerance: tolerance)
      var existing: FloorFile?
      var oldText: String?
      if FileManager.default.fileExists(atPath: path) {
        do {
          existing = try FloorFile.load(path: path)
          oldText = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
          problems.append(Problem(importPath: package.importPath, reason: "\(error)"))
          continue
        }
      }
      if let existing, existing.floor >= newFloor { continue }
      let newText = existing?.rendered(with: newFloor) ?? "\(newFloor)\n"
      changes.append(
        Change(
          importPath: package.importPath, floorFile: relativeFile, oldFloor: existing?.floor, newFloor: newFloor,
          coverage: package.coverage, newText: newText, oldText: oldText))
    }
    self.changes = changes.sorted { $0.importPath < $1.importPath }
    self.problems = problems
  }

  /// Writes every change atomically (temp file + rename, permissions kept); returns the paths written.
  public func write() throws(FileWriteError) -> [String] {
    var written: [String] = []
    for change in changes {
      let path = (moduleDirectory as NSString).appendingPathComponent(change.floorFile)
      try AtomicFile.write(change.newText, to: path)
      written.append(path)
    }
    return written
  }

  /// A unified diff of every change (`git apply`-able from the module root).
  public var unifiedDiff: String {
    changes.map { change in
      let oldLines = change.oldText.map(Self.lines) ?? []
      let newLines = Self.lines(change.newText)
      let header =
        change.oldText == nil
        ? "--- /dev/null\n+++ b/\(change.floorFile)\n" : "--- a/\(change.floorFile)\n+++ b/\(change.floorFile)\n"
      let oldRange = oldLines.isEmpty ? "0,0" : "1,\(oldLines.count)"
      let body =
        oldLines.isEmpty
        ? newLines.map { "+" + $0 } : ["-" + oldLines[0], "+" + newLines[0]] + oldLines.dropFirst().map { " " + $0 }
      return header + "@@ -\(oldRange) +1,\(newLines.count) @@\n" + body.joined(separator: "\n") + "\n"
    }.joined()
  }

  private static func lines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  private static func join(_ directory: String, _ file: String) -> String {
    directory == "." ? file : directory + "/" + file
  }
}
