extension PatchResult {
  /// Merges the patch results of shards into one.
  ///
  /// Every shard lists every changed file, but only the shard that measured a file's package has
  /// its lines: a file measured by one shard takes that shard's figures. Blocks are gone from a
  /// results file, so nothing can be combined: a file measured by two shards must have the same
  /// figures in both. Shards must agree on the base, the floor and each file's changed lines.
  public static func merging(_ shards: [PatchResult]) throws(PatchMergeError) -> PatchResult {
    guard let first = shards.first else { throw PatchMergeError("no patch results to merge") }
    var byPath: [String: PatchFileCoverage] = [:]
    for (index, shard) in shards.enumerated() {
      guard shard.base == first.base else {
        throw PatchMergeError(
          "shard \(index + 1) measured against base \(shard.base ?? "unknown"), shard 1 against "
            + "\(first.base ?? "unknown")")
      }
      guard shard.floor == first.floor else {
        throw PatchMergeError("shard \(index + 1) has another patch floor than shard 1")
      }
      guard Set(shard.files.map(\.path)) == Set(first.files.map(\.path)) else {
        throw PatchMergeError("shard \(index + 1) lists other changed files than shard 1 (a different diff?)")
      }
      for file in shard.files {
        guard let known = byPath[file.path] else {
          byPath[file.path] = file
          continue
        }
        guard known.changedLines == file.changedLines else {
          throw PatchMergeError("\(file.path): shard \(index + 1) counts other changed lines than an earlier shard")
        }
        if file.measured && known.measured && file != known {
          throw PatchMergeError(
            "\(file.path) is measured by two shards with different figures; a package belongs to one shard")
        }
        if file.measured { byPath[file.path] = file }
      }
    }
    return PatchResult(base: first.base, files: Array(byPath.values), floor: first.floor)
  }
}

/// Shards' patch results could not be merged.
public struct PatchMergeError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What disagrees.
  public var description: String

  /// An error saying `description`.
  public init(_ description: String) {
    self.description = "cannot merge patch coverage: " + description
  }
}
