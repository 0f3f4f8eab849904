/// Orders packages longest-expected-first so the slowest start early and no worker idles at the end.
enum Scheduler {
  /// Packages with a known duration (from a previous results file) sort longest first; packages
  /// without history go first of all (they may be slow), larger ones first; ties by import path.
  static func order(_ packages: [GoPackage], history: DurationHistory) -> [GoPackage] {
    let history = history.packageSeconds
    return packages.sorted { lhs, rhs in
      let left = history[lhs.importPath]
      let right = history[rhs.importPath]
      switch (left, right) {
      case (nil, nil):
        return lhs.fileCount != rhs.fileCount ? lhs.fileCount > rhs.fileCount : lhs.importPath < rhs.importPath
      case (nil, _?): return true
      case (_?, nil): return false
      case (let l?, let r?): return l != r ? l > r : lhs.importPath < rhs.importPath
      }
    }
  }
}
