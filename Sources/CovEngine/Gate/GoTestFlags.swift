/// The flags a user passes through to `go test`, checked against the ones covbot owns.
///
/// covbot decides what is measured (`-cover*`, `-json`, `-p`, `-timeout`): a pass-through flag that
/// would override one of them (`-coverprofile=other.out` made every package NO-STATEMENTS and the
/// gate pass) is refused, as are flags that stop tests from running (`-c`, `-n`, `-list`) and
/// package arguments, which belong before `--`. Go spells flags `-f`, `--f`, `-f=v`, `-f v`, and
/// test flags also `-test.f`; every spelling is recognised, after `-args` too.
public struct GoTestFlags: Sendable, Hashable {
  /// The flags, in order, as they go to `go test`.
  public var arguments: [String]

  /// Validates `arguments`; throws naming the first flag covbot cannot pass through.
  public init(validating arguments: [String]) throws(GoTestFlagsError) {
    var index = 0
    var afterArgs = false
    while index < arguments.count {
      let argument = arguments[index]
      defer { index += 1 }
      guard argument.hasPrefix("-"), argument != "-", argument != "--" else {
        if afterArgs { continue }
        throw GoTestFlagsError(
          flag: argument,
          reason: "is not a flag; package patterns go before `--`, flags for go test after it")
      }
      let (name, hasValue) = Self.name(of: argument)
      if afterArgs && !name.hasPrefix("test.") { continue }
      let bare = name.hasPrefix("test.") ? String(name.dropFirst(5)) : name
      if name == "args" {
        afterArgs = true
        continue
      }
      if let reason = Self.owned[bare] {
        throw GoTestFlagsError(flag: argument, reason: reason)
      }
      if bare == "covermode" {
        let value = hasValue ? Self.value(of: argument) : index + 1 < arguments.count ? arguments[index + 1] : ""
        guard ["set", "count", "atomic"].contains(value) else {
          throw GoTestFlagsError(flag: argument, reason: "needs set, count or atomic")
        }
      }
      if !hasValue && !afterArgs && Self.takesValue.contains(bare) {
        guard index + 1 < arguments.count else {
          throw GoTestFlagsError(flag: argument, reason: "needs a value")
        }
        index += 1
      }
    }
    self.arguments = arguments
  }

  /// No pass-through flags.
  public static let none = GoTestFlags(unchecked: [])

  private init(unchecked arguments: [String]) {
    self.arguments = arguments
  }

  /// `--name=value` → (`name`, true).
  private static func name(of flag: String) -> (String, Bool) {
    var body = flag.dropFirst()
    if body.hasPrefix("-") { body = body.dropFirst() }
    if let equals = body.firstIndex(of: "=") { return (String(body[..<equals]), true) }
    return (String(body), false)
  }

  private static func value(of flag: String) -> String {
    flag.firstIndex(of: "=").map { String(flag[flag.index(after: $0)...]) } ?? ""
  }

  /// Flags covbot sets itself, or that would leave nothing to measure, with what to do instead.
  static let owned: [String: String] = {
    let coverage = "is covbot's own: it measures coverage itself; remove it"
    return [
      "cover": coverage, "coverprofile": coverage, "coverpkg": coverage, "gocoverdir": coverage,
      "outputdir": coverage,
      "json": "is covbot's own: it reads go test's JSON stream itself; remove it",
      "p": "is covbot's own: set the number of packages at once with covbot's --parallelism",
      "timeout": "is covbot's own: set the per-package limit with covbot's --timeout",
      "c": "would only compile the test binaries and measure nothing",
      "o": "would only compile the test binaries and measure nothing",
      "n": "would only print the commands and measure nothing",
      "list": "would only list the tests and measure nothing",
      "fuzz": "runs a fuzzer, not the tests to measure; run it with go test directly",
      "C": "changes go's directory; choose the module with covbot's --module-dir",
    ]
  }()

  /// go test and go build flags whose value may follow as the next argument.
  static let takesValue: Set<String> = [
    "run", "skip", "bench", "benchtime", "count", "cpu", "parallel", "shuffle", "tags", "gcflags", "ldflags",
    "asmflags", "gccgoflags", "mod", "modfile", "overlay", "pgo", "pkgdir", "toolexec", "exec", "vet",
    "blockprofile", "blockprofilerate", "cpuprofile", "memprofile", "memprofilerate", "mutexprofile",
    "mutexprofilefraction", "trace", "covermode", "buildmode", "compiler", "installsuffix", "fuzztime",
    "fuzzminimizetime",
  ]
}

/// A flag after `--` cannot be passed to `go test`.
public struct GoTestFlagsError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The offending argument as given.
  public var flag: String
  /// Why, and what to do instead.
  public var reason: String

  public var description: String {
    "go test flag \(flag) after `--` \(reason)."
  }
}
