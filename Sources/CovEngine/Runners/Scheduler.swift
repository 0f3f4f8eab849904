/// Orders packages longest-expected-first so the slowest start early and no worker idles at the end.
enum Scheduler {
  /// Packages with a known duration (from a previous results file) sort longest first; packages
  /// without history go first of all (they may be slow), larger ones first; ties by import path.
  static func order(_ packages: [GoPackage], history: [String: Double]) -> [GoPackage] {
    packages.sorted { lhs, rhs in
      let left = history[lhs.ImportPath]
      let right = history[rhs.ImportPath]
      switch (left, right) {
      case (nil, nil):
        let leftSize = lhs.sourceFiles.count + (lhs.TestGoFiles?.count ?? 0) + (lhs.XTestGoFiles?.count ?? 0)
        let rightSize = rhs.sourceFiles.count + (rhs.TestGoFiles?.count ?? 0) + (rhs.XTestGoFiles?.count ?? 0)
        return leftSize != rightSize ? leftSize > rightSize : lhs.ImportPath < rhs.ImportPath
      case (nil, _?): return true
      case (_?, nil): return false
      case (let l?, let r?): return l != r ? l > r : lhs.ImportPath < rhs.ImportPath
      }
    }
  }
}
