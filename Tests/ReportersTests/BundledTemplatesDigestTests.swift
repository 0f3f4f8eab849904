import CovBotSupport
import Foundation
import Testing

@testable import Reporters

/// The checksum `covbot self-check` prints is the one a shell gets from the source tree.
@Suite struct BundledTemplatesDigestTests {
  @Test func digestIsTheChecksumOfTheTemplateFilesInOrder() throws {
    let directory = BundledTemplatesTests.templatesDirectory
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".mustache") }
      .sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
    var digest = SHA256Digest()
    for file in files { digest.update(try Data(contentsOf: directory.appendingPathComponent(file))) }
    #expect(BundledTemplatesDigest.sha256 == digest.finalizeHex())
    #expect(BundledTemplatesDigest.count == files.count)
  }

  @Test(arguments: [("20914", "2.9.14"), ("21207", "2.12.7"), ("20913-GITv2.9.13", "2.9.13"), ("", nil), ("x", nil)])
  func libxml2VersionNumbersAreDotted(raw: String, dotted: String?) {
    #expect(LibXML2Runtime.dotted(raw) == dotted)
  }

  @Test func theLoadedLibXML2IsTheOneBuiltAgainst() {
    let runtime = LibXML2Runtime.current()
    #expect(runtime.version == runtime.builtAgainst)
  }
}
