import Foundation
import FuzzSupport

@testable import CovEngine

/// `go list -json` output, concatenated objects: decoding never traps, and (when nothing is
/// escaped) every import path and name decoded appears in the input.
runFuzzer { data in
  let text = String(decoding: data, as: UTF8.self)
  guard let packages = try? JSONObjectStream.decode(GoPackage.self, from: text, source: "go list -json") else {
    return
  }
  oracle(packages.count <= text.utf8.count(where: { $0 == UInt8(ascii: "{") }), "more packages than objects")
  guard !text.utf8.contains(UInt8(ascii: "\\")) else { return }
  let bytes = Array(text.utf8)
  for package in packages {
    for name in [package.importPath, package.name ?? ""] + package.sourceFiles where !name.isEmpty {
      oracle(bytes.containsSubsequence(Array(name.utf8)), "decoded name \(name.debugDescription) not in the input")
    }
  }
}
