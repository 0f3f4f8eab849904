// swift-tools-version: 6.2
import PackageDescription

let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

// The commit a release binary reports (`covbot self-check`): `make dist` exports COVBOT_COMMIT. Only a
// short plain token is accepted, since it becomes a C string literal; anything else builds as "unknown".
let buildCommit = Context.environment["COVBOT_COMMIT"].flatMap { commit in
  commit.count <= 64 && !commit.isEmpty && commit.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    ? commit : nil
}

let package = Package(
  name: "covbot",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "covbot", targets: ["CovBot"]),
    .executable(name: "covbot-bench", targets: ["CovBotBench"]),
    // Libraries for the fuzz package in Fuzz/ (its own package, so `swift test` never links a fuzzer).
    .library(name: "CovBotSupport", targets: ["CovBotSupport"]),
    .library(name: "CovEngine", targets: ["CovEngine"]),
    .library(name: "Reporters", targets: ["Reporters"]),
    .library(name: "GitHub", targets: ["GitHub"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    .package(url: "https://github.com/apple/swift-system", from: "1.5.0"),
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
  ],
  targets: [
    // System libraries. curl_easy_setopt is variadic, so CCurl's shim.h adds typed wrappers.
    .systemLibrary(
      name: "CCurl",
      pkgConfig: "libcurl",
      providers: [.apt(["libcurl4-openssl-dev"])]
    ),
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),

    // Shared by CovEngine (results files, go list output) and GitHub (API responses).
    .target(
      name: "DecodingDiagnostics",
      swiftSettings: strictSettings
    ),
    // What several modules share: child processes, signals, atomic files, locks (as swift-nio
    // keeps NIOConcurrencyHelpers apart).
    .target(
      name: "CovBotSupport",
      dependencies: [
        .product(name: "Subprocess", package: "swift-subprocess"),
        .product(name: "SystemPackage", package: "swift-system"),
      ],
      swiftSettings: strictSettings
    ),
    .target(
      name: "CovEngine",
      dependencies: ["CovBotSupport", "DecodingDiagnostics"],
      swiftSettings: strictSettings
    ),
    .target(
      name: "Reporters",
      dependencies: [
        "CovBotSupport",
        "CovEngine",
        "CLibXML2",
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      swiftSettings: strictSettings
    ),
    .target(
      name: "GitHub",
      dependencies: ["CCurl", "CovBotSupport", "DecodingDiagnostics"],
      swiftSettings: strictSettings
    ),
    // The commit covbot was built from (see buildCommit above).
    .target(
      name: "CCovBotBuildInfo",
      cSettings: buildCommit.map { [.define("COVBOT_COMMIT", to: "\"\($0)\"")] } ?? []
    ),
    // The runs a command performs (gate, report, publish, ratchet, merge) as plain-value APIs.
    .target(
      name: "CovBotKit",
      dependencies: ["CovBotSupport", "CovEngine", "Reporters", "GitHub", "CCovBotBuildInfo"],
      swiftSettings: strictSettings
    ),
    // The `covbot` executable: argument parsing and printing only.
    .executableTarget(
      name: "CovBot",
      dependencies: [
        "CovBotKit",
        "CovBotSupport",
        "CovEngine",
        "Reporters",
        "GitHub",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "CovBotBench",
      dependencies: [
        "CovBotSupport",
        "CovEngine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Subprocess", package: "swift-subprocess"),
        .product(name: "SystemPackage", package: "swift-system"),
      ],
      path: "Benchmarks/CovBotBench",
      resources: [.copy("Resources")],
      swiftSettings: strictSettings
    ),

    // Test support: a strict fake of GitHub's REST API on loopback.
    .target(
      name: "FakeGitHub",
      dependencies: [.product(name: "FlyingFox", package: "FlyingFox")],
      path: "Tests/FakeGitHub",
      resources: [.copy("Resources")],
      swiftSettings: strictSettings
    ),
    // Test support: Go fixture modules and the toolchain the tests run them with.
    .target(
      name: "TestSupport",
      dependencies: ["CovBotSupport", "CovEngine"],
      path: "Tests/TestSupport",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "DecodingDiagnosticsTests",
      dependencies: ["DecodingDiagnostics"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CovBotSupportTests",
      dependencies: ["CovBotSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CovEngineTests",
      dependencies: ["CovBotSupport", "CovEngine", "TestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "ReportersTests",
      dependencies: ["Reporters", "CovEngine", "CLibXML2"],
      resources: [.copy("Resources")],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "GitHubTests",
      dependencies: ["GitHub", "FakeGitHub"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CovBotKitTests",
      dependencies: ["CovBotKit", "CovBotSupport", "CovEngine", "Reporters", "GitHub", "FakeGitHub", "TestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CovBotTests",
      dependencies: ["CovBot", "CovBotSupport", "CovEngine", "FakeGitHub", "TestSupport"],
      swiftSettings: strictSettings
    ),
  ]
)
