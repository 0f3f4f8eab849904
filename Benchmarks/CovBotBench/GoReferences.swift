/// Which imported packages a piece of Go code refers to, found without a Go parser.
///
/// The generator needs each test case's own imports (a package gets the union of its chosen cases'
/// imports, and Go refuses unused ones), while a Go test file has one import block for all of them.
/// A case uses an import when its body contains `name.Something` for the import's package name.
enum GoReferences {
  /// The name a package with import path `path` declares by convention: the last path element, or the
  /// one before a major-version suffix (`math/rand/v2` → `rand`).
  static func packageName(ofImport path: String) -> String {
    let elements = path.split(separator: "/")
    guard let last = elements.last else { return path }
    let isVersion = last.count > 1 && last.first == "v" && last.dropFirst().allSatisfy(\.isNumber)
    return String(isVersion && elements.count > 1 ? elements[elements.count - 2] : last)
  }

  /// The identifiers in `code` used as the operand of a selector (`name.X`, but not `a.name.X`),
  /// outside comments and string, rune and raw string literals.
  ///
  /// A local variable named like an imported package would count as a use of it, so snippets avoid
  /// such names (Resources/snippets/README.md).
  static func qualifiers(in code: String) -> Set<String> {
    let scalars = Array(code.unicodeScalars)
    var found = Set<String>()
    var previous: Unicode.Scalar = " "  // the last significant scalar before the current one
    var index = 0
    func at(_ offset: Int) -> Unicode.Scalar? {
      index + offset < scalars.count ? scalars[index + offset] : nil
    }
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "/" && at(1) == "/" {
        while index < scalars.count && scalars[index] != "\n" { index += 1 }
      } else if scalar == "/" && at(1) == "*" {
        index += 2
        while index < scalars.count && !(scalars[index] == "*" && at(1) == "/") { index += 1 }
        index += 2
      } else if scalar == "\"" || scalar == "'" || scalar == "`" {
        index += 1
        while index < scalars.count && scalars[index] != scalar {
          index += scalar != "`" && scalars[index] == "\\" ? 2 : 1
        }
        index += 1
        previous = scalar
      } else if isIdentifierStart(scalar) || ("0"..."9").contains(scalar) {
        let start = index
        while index < scalars.count && isIdentifierPart(scalars[index]) { index += 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<index]))
        if isIdentifierStart(scalar) && previous != "." && at(0) == "." { found.insert(word) }
        previous = scalars[index - 1]
      } else {
        if !scalar.properties.isWhitespace { previous = scalar }
        index += 1
      }
    }
    return found
  }

  private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || scalar.properties.isAlphabetic
  }

  private static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
    isIdentifierStart(scalar) || scalar.properties.numericType != nil
  }
}
