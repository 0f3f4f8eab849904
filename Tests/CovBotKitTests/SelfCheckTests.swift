import CovBotKit
import GitHub
import Reporters
import Testing

/// `covbot self-check`'s verdict, in-process, with the libraries and the file system described by the test.
@Suite struct SelfCheckTests {
  static let openSSLCurl = CurlRuntime(
    version: "8.5.0", tlsBackend: "OpenSSL/3.0.13", protocols: ["file", "http", "https"],
    defaultCABundle: "/etc/ssl/certs/ca-certificates.crt", defaultCADirectory: "/etc/ssl/certs")
  static let libxml2 = LibXML2Runtime(version: "2.9.14", builtAgainst: "2.9.14")

  func check(
    curl: CurlRuntime = openSSLCurl, environment: [String: String] = [:], files: Set<String> = [],
    directories: Set<String> = []
  ) -> SelfCheckReport {
    SelfCheck(
      curl: curl, libxml2: Self.libxml2, environment: environment, isReadableFile: { files.contains($0) },
      isDirectory: { directories.contains($0) }
    ).run()
  }

  @Test func aWorkingSetUpPassesAndSaysWhatItFound() {
    let report = check(files: ["/etc/ssl/certs/ca-certificates.crt"], directories: ["/etc/ssl/certs"])
    #expect(report.passed)
    #expect(report.warnings.isEmpty)
    #expect(report.value(of: "covbot") == BuildInfo.version)
    #expect(report.value(of: "commit") == BuildInfo.commit)
    #expect(report.value(of: "libcurl") == "8.5.0")
    #expect(report.value(of: "TLS backend") == "OpenSSL/3.0.13")
    #expect(report.value(of: "HTTPS") == "yes")
    #expect(report.value(of: "CA bundle") == "/etc/ssl/certs/ca-certificates.crt (libcurl's built-in default)")
    #expect(report.value(of: "libxml2") == "2.9.14 (built against 2.9.14)")
    #expect(report.value(of: "templates")?.hasPrefix("sha256:\(BundledTemplatesDigest.sha256) ") == true)
    #expect(report.text.hasSuffix("self-check:   ok\n"), "\(report.text)")
  }

  @Test(arguments: [
    CurlRuntime(version: "8.5.0", tlsBackend: nil, protocols: ["file", "http"]),
    CurlRuntime(version: "8.5.0", tlsBackend: "OpenSSL/3.0.13", protocols: ["file", "http"]),
    CurlRuntime(version: "8.5.0", tlsBackend: nil, protocols: ["http", "https"]),
  ])
  func aLibcurlWithoutHTTPSFails(curl: CurlRuntime) {
    let report = check(curl: curl, files: ["/etc/ssl/certs/ca-certificates.crt"])
    #expect(!report.passed)
    #expect(report.value(of: "HTTPS") == "no")
    #expect(report.problems.count == 1)
    #expect(report.problems.first?.contains("cannot do HTTPS") == true)
    #expect(report.problems.first?.contains("libcurl4") == true, "says what to install")
    #expect(report.text.hasSuffix("self-check:   FAILED\n"), "\(report.text)")
  }

  @Test func noCACertificatesIsAWarningNotAFailure() {
    let report = check()
    #expect(report.passed)
    #expect(report.value(of: "CA bundle")?.hasSuffix("missing") == true)
    #expect(report.warnings.contains { $0.contains("no CA certificates found") && $0.contains("ca-certificates") })
  }

  @Test func theEnvironmentOverridesLibcurlsDefaults() {
    let report = check(
      environment: ["SSL_CERT_FILE": "/corp/ca.pem", "SSL_CERT_DIR": "/corp/certs"], files: ["/corp/ca.pem"],
      directories: ["/corp/certs"])
    #expect(report.value(of: "CA bundle") == "/corp/ca.pem (from SSL_CERT_FILE)")
    #expect(report.value(of: "CA directory") == "/corp/certs (from SSL_CERT_DIR)")
    #expect(report.warnings.isEmpty)
  }

  @Test func aCABundleVariableNamingNothingIsCalledOut() {
    let report = check(
      environment: ["CURL_CA_BUNDLE": "/gone.pem"], files: ["/etc/ssl/certs/ca-certificates.crt"],
      directories: ["/etc/ssl/certs"])
    #expect(report.passed)
    #expect(
      report.warnings == [
        "CURL_CA_BUNDLE=/gone.pem is not a readable file: publishing will fail TLS verification; fix or unset it"
      ])
  }

  /// libcurl older than 7.84 (Ubuntu 22.04) names no built-in bundle: the usual locations are searched.
  @Test func anOldLibcurlFallsBackToTheUsualLocations() {
    let curl = CurlRuntime(version: "7.81.0", tlsBackend: "OpenSSL/3.0.2", protocols: ["http", "https"])
    let report = check(curl: curl, files: ["/etc/pki/tls/certs/ca-bundle.crt"])
    #expect(report.value(of: "CA bundle")?.hasPrefix("/etc/pki/tls/certs/ca-bundle.crt (a usual location") == true)
    #expect(report.value(of: "CA directory") == "none built in")
    #expect(report.warnings.isEmpty)
  }
}
