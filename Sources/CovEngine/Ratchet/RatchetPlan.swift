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
    /// Every package whose floor file leads to this one file (through symbolic links), when several do.
    public var sharedBy: [String] = []
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
  ///
  /// A `.covgate` that is a symbolic link is planned (and written) as its target; when it lies
  /// inside the module, ``Change/floorFile`` names the target, so the diff and `--commit` show the
  /// file that changes. Packages whose floor files lead to one shared target get one floor: the
  /// lowest any of them would get (the safe one: every sharer passes it), and none at all when a
  /// sharer's tests or build failed, since its coverage is unknown.
  public init(results: CovResults, moduleDirectory: String, margin: Percent = .zero, initialize: Bool = false) {
    self.moduleDirectory = moduleDirectory
    self.margin = margin
    self.tolerance = results.settings.tolerance
    let tolerance = results.settings.tolerance
    let module = FloorTarget.resolve(moduleDirectory) ?? moduleDirectory
    var sharers: [String: [PackageResult]] = [:]
    for package in results.packages where package.floorSource == .file {
      let path = (moduleDirectory as NSString).appendingPathComponent(Self.relativeFloorFile(of: package))
      sharers[FloorTarget.resolve(path) ?? path, default: []].append(package)
    }
    var candidates: [(target: String, change: Change)] = []
    var problems: [Problem] = []
    for package in results.packages {
      let eligible: Bool
      switch package.status {
      case .loose: eligible = package.floorSource == .file
      case .pass, .fail: eligible = initialize && package.floorSource == .default
      case .testFail, .buildFail, .skipped, .noStatements: eligible = false
      }
      guard eligible, package.totalStatements > 0 else { continue }
      var relativeFile = Self.relativeFloorFile(of: package)
      let path = (moduleDirectory as NSString).appendingPathComponent(relativeFile)
      let newFloor = FloorSuggestion.floor(for: package.coverage, margin: margin, tolerance: tolerance)
      var existing: FloorFile?
      var oldText: String?
      do {
        oldText = try FloorFile.readTextIfPresent(path: path)
        existing = try oldText.map { text throws(FloorFileError) in try FloorFile.parse(text, path: path) }
      } catch {
        problems.append(Problem(importPath: package.importPath, reason: "\(error)"))
        continue
      }
      let target = FloorTarget.resolve(path) ?? path
      if target != path, let inside = FloorTarget.relative(target, to: module) { relativeFile = inside }
      if let existing, existing.floor >= newFloor { continue }
      let newText = existing?.rendered(with: newFloor) ?? "\(newFloor)\n"
      candidates.append(
        (
          target,
          Change(
            importPath: package.importPath, floorFile: relativeFile, oldFloor: existing?.floor, newFloor: newFloor,
            coverage: package.coverage, newText: newText, oldText: oldText)
        ))
    }
    var changes: [Change] = []
    for (target, group) in Dictionary(grouping: candidates, by: \.target) {
      let sharing = (sharers[target] ?? []).map(\.importPath)
      let names = Set(sharing + group.map(\.change.importPath)).sorted()
      guard names.count > 1 else {
        changes += group.map(\.change)
        continue
      }
      let unknown = (sharers[target] ?? []).filter { $0.status == .testFail || $0.status == .buildFail }
      if !unknown.isEmpty {
        let reason =
          "its floor file \(target) is shared (through symbolic links) with "
          + unknown.map { "\($0.importPath) (\($0.status.rawValue))" }.joined(separator: ", ")
          + ", whose coverage is unknown; the shared floor is left alone"
        problems += group.map { Problem(importPath: $0.change.importPath, reason: reason) }
        continue
      }
      let measured = (sharers[target] ?? []).filter {
        $0.totalStatements > 0 && [.pass, .fail, .loose].contains($0.status)
      }
      let floors =
        measured.map { FloorSuggestion.floor(for: $0.coverage, margin: margin, tolerance: tolerance) }
        + group.map(\.change.newFloor)
      guard let lowest = floors.min(),
        var change = group.min(by: { $0.change.newFloor < $1.change.newFloor })?.change
      else { continue }
      if let old = change.oldFloor, old >= lowest { continue }
      if lowest < change.newFloor, let oldText = change.oldText {
        change.newText = (try? FloorFile.parse(oldText, path: target).rendered(with: lowest)) ?? change.newText
      }
      change.newFloor = lowest
      change.sharedBy = names
      changes.append(change)
    }
    self.changes = changes.sorted { $0.importPath < $1.importPath }
    self.problems = problems.sorted { $0.importPath < $1.importPath }
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

  private static func relativeFloorFile(of package: PackageResult) -> String {
    package.floorFile ?? join(package.directory, FloorFile.fileName)
  }

  private static func join(_ directory: String, _ file: String) -> String {
    directory == "." ? file : directory + "/" + file
  }
}
