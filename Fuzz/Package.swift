// swift-tools-version: 6.2
import PackageDescription

// libFuzzer targets for CovBot's parsers (README, Development, Fuzzing). A package of its own: every
// target calls LLVMFuzzerRunDriver, which only links with the fuzzer runtime `make fuzz-build` passes.
let fuzzTargets: [(name: String, dependencies: [String])] = [
  ("coverprofile", ["CovEngine"]),
  ("covgate", ["CovEngine"]),
  ("gotestjson", ["CovEngine", "CovBotSupport"]),
  ("golist", ["CovEngine"]),
  ("results", ["CovEngine", "Reporters"]),
  ("github-json", ["GitHub"]),
  ("github-link", ["GitHub"]),
  ("github-ratelimit", ["GitHub"]),
  ("github-event", ["GitHub"]),
  ("unified-diff", ["CovEngine"]),
]

/// The fuzz package's own modules a target uses: the driver, and libxml2's parser for `results`.
func localDependencies(of name: String) -> [Target.Dependency] {
  name == "results" ? ["FuzzSupport", "CXMLCheck"] : ["FuzzSupport"]
}

let package = Package(
  name: "covbot-fuzz",
  platforms: [.macOS(.v15)],
  products: fuzzTargets.map { .executable(name: $0.name, targets: [$0.name]) },
  dependencies: [.package(name: "covbot", path: "..")],
  targets: fuzzTargets.map { target in
    .executableTarget(
      name: target.name,
      dependencies: localDependencies(of: target.name)
        + target.dependencies.map { .product(name: $0, package: "covbot") },
      path: "Sources/\(target.name)"
    )
  } + [
    .target(name: "FuzzSupport", path: "Sources/FuzzSupport"),
    // libxml2's parser for the JUnit oracle, behind a header without libxml2 types (the main
    // package's CLibXML2 module is not a product, and a second module over its headers would clash).
    .target(
      name: "CXMLCheck",
      path: "Sources/CXMLCheck",
      cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])],
      linkerSettings: [.linkedLibrary("xml2")]
    ),
  ]
)
