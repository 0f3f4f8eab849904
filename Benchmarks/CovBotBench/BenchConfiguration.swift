import Foundation

/// One way of measuring the whole module's coverage, timed from a cold Go build cache.
enum BenchConfiguration: String, CaseIterable, Sendable {
  /// covgate's model: `go test -run=^$ ./...`, then `go test -coverpkg=P -coverprofile=… P`, N at once.
  case covgate = "a"
  /// The same without the pre-warm: N `go test` processes compile shared dependencies at once.
  case covgateWithoutPrewarm = "b"
  /// One `go test -cover ./...`: the reference.
  case reference = "c"
  /// `covbot gate --strategy auto`.
  case covbotAuto = "d-auto"
  /// `covbot gate --strategy single`.
  case covbotSingle = "d-single"
  /// `covbot gate --strategy per-package` with covbot's default pre-warm.
  case covbotPerPackage = "d-per-package"
  /// `covbot gate --strategy per-package --prewarm compile`.
  case covbotPrewarmCompile = "d-pp-compile"
  /// `covbot gate --strategy per-package --prewarm test-run`.
  case covbotPrewarmTestRun = "d-pp-test-run"
  /// `covbot gate --strategy per-package --prewarm none`.
  case covbotPrewarmNone = "d-pp-none"

  /// The label in the table.
  var title: String {
    switch self {
    case .covgate: "(a) covgate: pre-warm + per-package"
    case .covgateWithoutPrewarm: "(b) covgate without pre-warm"
    case .reference: "(c) go test -cover ./..."
    case .covbotAuto: "(d) covbot --strategy auto"
    case .covbotSingle: "(d) covbot --strategy single"
    case .covbotPerPackage: "(d) covbot --strategy per-package"
    case .covbotPrewarmCompile: "(d) covbot per-package --prewarm compile"
    case .covbotPrewarmTestRun: "(d) covbot per-package --prewarm test-run"
    case .covbotPrewarmNone: "(d) covbot per-package --prewarm none"
    }
  }

  /// The `covbot gate` options that select this configuration, or `nil` when covbot is not involved.
  var covbotOptions: [String]? {
    switch self {
    case .covgate, .covgateWithoutPrewarm, .reference: nil
    case .covbotAuto: ["--strategy", "auto"]
    case .covbotSingle: ["--strategy", "single"]
    case .covbotPerPackage: ["--strategy", "per-package"]
    case .covbotPrewarmCompile: ["--strategy", "per-package", "--prewarm", "compile"]
    case .covbotPrewarmTestRun: ["--strategy", "per-package", "--prewarm", "test-run"]
    case .covbotPrewarmNone: ["--strategy", "per-package", "--prewarm", "none"]
    }
  }

  /// Whether this configuration runs covbot.
  var isCovBot: Bool { covbotOptions != nil }

  /// Parses `--only`: a comma-separated list of ids; `d` selects every covbot configuration, `all` everything.
  static func parse(_ list: String) throws(BenchError) -> [BenchConfiguration] {
    var selected = Set<BenchConfiguration>()
    for item in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
      switch item {
      case "": continue
      case "all": selected.formUnion(allCases)
      case "d": selected.formUnion(allCases.filter(\.isCovBot))
      default:
        guard let configuration = BenchConfiguration(rawValue: item) else {
          throw BenchError(
            "--only: unknown configuration \"\(item)\"",
            next: "Use a comma-separated list of \(allCases.map(\.rawValue).joined(separator: ", ")), d or all.")
        }
        selected.insert(configuration)
      }
    }
    guard !selected.isEmpty else {
      throw BenchError("--only selects no configuration", next: "Name at least one, e.g. --only a,c,d-auto.")
    }
    return allCases.filter(selected.contains)
  }
}
