import Foundation

/// Reads the per-package percentages `go test -cover` prints.
enum CoverOutput {
  /// Import path → the printed percentage (`"66.7"`), or `nil` for `[no statements]`.
  ///
  /// Lines look like `ok  <tab>example.com/m/a<tab>0.01s<tab>coverage: 66.7% of statements` or, for a
  /// package without tests, `<tab>example.com/m/b<tab><tab>coverage: 0.0% of statements`.
  static func percents(in output: String, modulePath: String) -> [String: String?] {
    var percents: [String: String?] = [:]
    for line in output.split(whereSeparator: \.isNewline) {
      guard let marker = line.range(of: "coverage: ") else { continue }
      let fields = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
      guard let importPath = fields.first(where: { $0 == modulePath || $0.hasPrefix(modulePath + "/") }) else {
        continue
      }
      let rest = line[marker.upperBound...]
      if rest.hasPrefix("[no statements]") {
        percents[importPath] = .some(nil)
      } else if let percent = rest.split(separator: "%").first {
        percents[importPath] = String(percent)
      }
    }
    return percents
  }
}
