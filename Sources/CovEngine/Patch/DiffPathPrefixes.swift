/// The prefixes a diff puts before the old and new file names (`a/` and `b/` by default).
public enum DiffPathPrefixes: Sendable, Hashable {
  /// Per file: strip a known pair (`a/`+`b/`, or git's mnemonic `c/`, `i/`, `o/`, `w/` pairs) when
  /// both names carry it, else keep the names. A `--no-prefix` diff whose paths start with `a/` and
  /// `b/` is misread this way: pass ``none`` for those.
  case automatic
  /// Names carry no prefix (`git diff --no-prefix`).
  case none
  /// Names carry exactly these prefixes (`--src-prefix`, `--dst-prefix`); a name without its
  /// prefix is an error.
  case custom(source: String, destination: String)

  /// Git's prefix pairs: the default and those of `diff.mnemonicPrefix`.
  static let knownPairs: [(source: String, destination: String)] = [
    ("a/", "b/"), ("c/", "w/"), ("c/", "i/"), ("i/", "w/"), ("o/", "w/"), ("w/", "o/"), ("i/", "o/"),
  ]

  /// The candidate pairs for a file: the ones a name is checked against, in order.
  var candidates: [(source: String, destination: String)] {
    switch self {
    case .automatic: Self.knownPairs
    case .none: [("", "")]
    case .custom(let source, let destination): [(source, destination)]
    }
  }
}
