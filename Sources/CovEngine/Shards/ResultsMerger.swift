/// Merges the results files of a sharded run into one, refusing anything inconsistent.
public enum ResultsMerger {
  /// Merges shard results; the verdict is recomputed from all packages.
  ///
  /// Refuses shards of different modules, commits, tool versions or gate settings, a shard index
  /// given twice or missing, and packages measured twice or by no shard.
  public static func merge(_ inputs: [(path: String, results: CovResults)]) throws(MergeError) -> CovResults {
    guard let (firstPath, first) = inputs.first else { throw MergeError("no results files given") }
    var seenShards: [Int: String] = [:]
    var owner: [String: String] = [:]
    var packages: [PackageResult] = []
    let plan = first.shard.map { Set($0.allPackages) }
    for (path, results) in inputs {
      try check(
        results.module == first.module, path, "module \(results.module) differs from \(first.module) in \(firstPath)")
      try check(
        results.commit == first.commit, path,
        "commit \(results.commit ?? "unknown") differs from \(first.commit ?? "unknown") in \(firstPath)")
      try check(
        results.toolVersion == first.toolVersion, path,
        "covbot \(results.toolVersion) differs from \(first.toolVersion) in \(firstPath)")
      try check(results.settings == first.settings, path, "gate settings differ from those in \(firstPath)")
      if let shard = results.shard {
        try check(first.shard?.count == shard.count, path, "shard \(shard.index)/\(shard.count) is from another split")
        try check(
          first.shard?.allPackages == shard.allPackages, path,
          "its shard plan lists different packages than \(firstPath)")
        if let other = seenShards[shard.index] {
          throw MergeError("\(path): shard \(shard.index) was already given by \(other)")
        }
        seenShards[shard.index] = path
      } else {
        try check(inputs.count == 1 || first.shard != nil, path, "not a shard (no shard field) ")
        try check(first.shard == nil, path, "not a shard, but \(firstPath) is")
      }
      for package in results.packages {
        if let other = owner[package.importPath] {
          throw MergeError("\(path): package \(package.importPath) is also in \(other)")
        }
        if let plan, !plan.contains(package.importPath) {
          throw MergeError("\(path): package \(package.importPath) is not in the shard plan")
        }
        owner[package.importPath] = path
        packages.append(package)
      }
    }
    if let shard = first.shard {
      let missingShards = Set(1...shard.count).subtracting(seenShards.keys).sorted()
      guard missingShards.isEmpty else {
        throw MergeError("shard(s) \(missingShards.map(String.init).joined(separator: ", ")) of \(shard.count) missing")
      }
      let missing = shard.allPackages.filter { owner[$0] == nil }
      guard missing.isEmpty else {
        throw MergeError(
          "no shard measured \(missing.prefix(5).joined(separator: ", "))\(missing.count > 5 ? " and \(missing.count - 5) more" : "")"
        )
      }
    }
    let all = inputs.map(\.results)
    // Each changed file's lines come from the shard that measured its package.
    let patches = all.compactMap(\.patch)
    guard patches.isEmpty || patches.count == all.count else {
      throw MergeError("only \(patches.count) of \(all.count) shards measured patch coverage; run every shard alike")
    }
    var patch: PatchResult?
    if !patches.isEmpty {
      do {
        patch = try PatchResult.merging(patches)
      } catch {
        throw MergeError("patch coverage: \(error)")
      }
    }
    // Sums are capped at the limits a results file is read with, so that the merged file can be read
    // back (`covbot report`, `publish`) however many shards reported the largest values.
    let timings = Timings(
      prewarmSeconds: all.map(\.timings.prewarmSeconds).max() ?? 0,
      measureSeconds: all.map(\.timings.measureSeconds).max() ?? 0,
      totalSeconds: all.map(\.timings.totalSeconds).max() ?? 0,
      selfCPUSeconds: min(all.reduce(0) { $0 + $1.timings.selfCPUSeconds }, ResultsLimits.maxSeconds),
      parallelism: min(all.reduce(0) { $0 + $1.timings.parallelism }, ResultsLimits.maxParallelism))
    return CovResults(
      toolVersion: first.toolVersion, module: first.module, moduleDirectory: first.moduleDirectory,
      goVersion: first.goVersion,
      strategy: first.strategy, commit: first.commit, startedAt: all.map(\.startedAt).min() ?? first.startedAt,
      settings: first.settings, shard: nil, interrupted: all.contains(where: \.interrupted), timings: timings,
      packages: packages, diff: nil, patch: patch)
  }

  private static func check(_ condition: Bool, _ path: String, _ message: String) throws(MergeError) {
    if !condition { throw MergeError("\(path): \(message)") }
  }
}

/// Shard results cannot be merged.
public struct MergeError: Error, Sendable, CustomStringConvertible {
  /// What is inconsistent.
  public var reason: String

  init(_ reason: String) { self.reason = reason }

  public var description: String {
    "cannot merge: \(reason). Merge the results of every shard of one `covbot gate --shard K/N` run."
  }
}
