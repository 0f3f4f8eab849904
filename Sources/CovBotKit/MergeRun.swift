import CovEngine

/// `covbot merge` as a plain-value API: read the shards' results, merge them, write the result.
public enum MergeRun {
  /// Merges the results files at `inputs` into `output`; returns the merged results.
  ///
  /// Unreadable or mismatched shards are a usage ``RunFailure``; an unwritable output an
  /// infrastructure one.
  public static func run(inputs: [String], output: String) throws -> CovResults {
    var loaded: [(path: String, results: CovResults)] = []
    for path in inputs {
      do {
        loaded.append((path, try ResultsFile.read(from: path)))
      } catch {
        throw RunFailure(.usage, "\(error)")
      }
    }
    let merged: CovResults
    do {
      merged = try ResultsMerger.merge(loaded)
    } catch {
      throw RunFailure(.usage, "\(error)")
    }
    do {
      try ResultsFile.write(merged, to: output)
    } catch {
      throw RunFailure(.infrastructure, "\(error)")
    }
    return merged
  }
}
