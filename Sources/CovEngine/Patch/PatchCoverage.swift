/// Computes patch coverage: how the changed lines of each file fared in a coverprofile.
public enum PatchCoverage {
  /// Each changed file's figures, sorted by path.
  ///
  /// Looks up only the changed files' blocks, so memory follows the change, not the profile.
  /// A file outside `modules`, or without any block in `profile`, is listed as not measured.
  public static func files(
    profile: CoverProfile, changed: ChangedLines, modules: [GoModuleLocation]
  ) -> [PatchFileCoverage] {
    changed.paths.map { path in
      let lines = changed.files[path] ?? []
      let blocks =
        modules.owner(ofRepositoryPath: path)
        .flatMap { $0.profileName(ofRepositoryPath: path) }
        .map { profile.blocks(ofFile: $0) } ?? []
      return file(path: path, lines: lines, blocks: blocks)
    }
  }

  /// The result for a change: files, totals and the verdict against `floor`.
  public static func result(
    base: String?, profile: CoverProfile, changed: ChangedLines, modules: [GoModuleLocation], floor: Percent?
  ) -> PatchResult {
    PatchResult(base: base, files: files(profile: profile, changed: changed, modules: modules), floor: floor)
  }

  /// One file's figures from its ascending, distinct changed `lines` and its profile `blocks`.
  public static func file(path: String, lines: [Int], blocks: [CoverBlock]) -> PatchFileCoverage {
    guard !blocks.isEmpty else { return PatchFileCoverage(path: path, changedLines: lines.count, measured: false) }
    // Per changed line, how many spanning statement blocks ran and how many did not, as
    // difference arrays over the changed lines' indices: O(blocks × log lines + lines).
    var ranDelta = [Int](repeating: 0, count: lines.count + 1)
    var idleDelta = [Int](repeating: 0, count: lines.count + 1)
    for block in blocks where block.statements > 0 {
      guard let span = block.spannedLines else { continue }
      let low = firstIndex(in: lines) { $0 >= span.lowerBound }
      let high = firstIndex(in: lines) { $0 > span.upperBound }
      guard low < high else { continue }
      if block.count > 0 {
        ranDelta[low] += 1
        ranDelta[high] -= 1
      } else {
        idleDelta[low] += 1
        idleDelta[high] -= 1
      }
    }
    var covered: [Int] = []
    var partial: [Int] = []
    var missed: [Int] = []
    var ran = 0
    var idle = 0
    for (index, line) in lines.enumerated() {
      ran += ranDelta[index]
      idle += idleDelta[index]
      switch (ran > 0, idle > 0) {
      case (true, false): covered.append(line)
      case (true, true): partial.append(line)
      case (false, true): missed.append(line)
      case (false, false): break
      }
    }
    return PatchFileCoverage(
      path: path, changedLines: lines.count, coveredLines: covered.count, partialLines: partial.count,
      missedLines: missed.count, missedRanges: LineRange.runs(of: missed), partialRanges: LineRange.runs(of: partial),
      measured: true)
  }

  /// The index of the first element of ascending `lines` for which `isPast` holds (`lines.count`
  /// if none); `isPast` must be false up to some index and true from there on.
  private static func firstIndex(in lines: [Int], where isPast: (Int) -> Bool) -> Int {
    var low = 0
    var high = lines.count
    while low < high {
      let middle = low + (high - low) / 2
      if isPast(lines[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
