import Foundation
import GitHub
import Reporters

/// `covbot self-check`: what this binary is and whether the libraries it runs against can do its job.
///
/// A release binary carries Swift's runtime but links the distribution's libcurl and libxml2, so the
/// same binary behaves differently per runner image; this says how, before a gate depends on it.
public struct SelfCheck: Sendable {
  /// CA bundle files where distributions put them (the list Go's crypto/x509 searches), for when
  /// libcurl names none of its own.
  public static let usualCABundles = [
    "/etc/ssl/certs/ca-certificates.crt",  // Debian, Ubuntu, Arch, Gentoo
    "/etc/pki/tls/certs/ca-bundle.crt",  // Fedora, RHEL 6
    "/etc/ssl/ca-bundle.pem",  // openSUSE
    "/etc/pki/tls/cacert.pem",  // OpenELEC
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",  // CentOS, RHEL 7
    "/etc/ssl/cert.pem",  // Alpine
  ]

  /// The libcurl in use.
  public var curl: CurlRuntime
  /// The libxml2 in use.
  public var libxml2: LibXML2Runtime
  /// The environment covbot would publish with (`SSL_CERT_FILE`, `CURL_CA_BUNDLE`, `SSL_CERT_DIR`).
  public var environment: [String: String]
  /// Whether a path is a readable regular file (replaceable in tests).
  public var isReadableFile: @Sendable (String) -> Bool
  /// Whether a path is a directory (replaceable in tests).
  public var isDirectory: @Sendable (String) -> Bool

  /// A check of the given libraries; the defaults describe this process and this machine.
  public init(
    curl: CurlRuntime = .current(), libxml2: LibXML2Runtime = .current(),
    environment: [String: String] = ProcessInfo.processInfo.environment,
    isReadableFile: @escaping @Sendable (String) -> Bool = { path in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        && FileManager.default.isReadableFile(atPath: path)
    },
    isDirectory: @escaping @Sendable (String) -> Bool = { path in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
  ) {
    self.curl = curl
    self.libxml2 = libxml2
    self.environment = environment
    self.isReadableFile = isReadableFile
    self.isDirectory = isDirectory
  }

  /// Runs the check.
  public func run() -> SelfCheckReport {
    var report = SelfCheckReport(lines: [], problems: [], warnings: [])
    func add(_ label: String, _ value: String) { report.lines.append(.init(label: label, value: value)) }
    add("covbot", BuildInfo.version)
    add("commit", BuildInfo.commit)
    add("libcurl", curl.version)
    add("TLS backend", curl.tlsBackend ?? "none")
    add("HTTPS", curl.supportsHTTPS ? "yes" : "no")
    if !curl.supportsHTTPS {
      report.problems.append(
        "libcurl \(curl.version) cannot do HTTPS (protocols: \(curl.protocols.joined(separator: " ")); TLS: "
          + "\(curl.tlsBackend ?? "none")), so covbot cannot reach GitHub: install the distribution's libcurl "
          + "built with OpenSSL (Debian/Ubuntu: libcurl4, libcurl4t64 on 24.04)")
    }
    let bundle = caBundle()
    add("CA bundle", bundle.line)
    let directory = caDirectory()
    add("CA directory", directory.line)
    if let warning = bundle.warning { report.warnings.append(warning) }
    if !bundle.found && !directory.found {
      report.warnings.append(
        "no CA certificates found: gating works, but publishing to GitHub will fail TLS verification; install "
          + "ca-certificates or set SSL_CERT_FILE to a CA bundle")
    }
    add("libxml2", "\(libxml2.version) (built against \(libxml2.builtAgainst))")
    add(
      "templates",
      "sha256:\(BundledTemplatesDigest.sha256) (\(BundledTemplatesDigest.count) compiled in)")
    return report
  }

  private func nonEmpty(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }

  /// The CA bundle file TLS verification would use, as ``GitHubClient/Configuration`` picks it.
  private func caBundle() -> (line: String, found: Bool, warning: String?) {
    for variable in ["SSL_CERT_FILE", "CURL_CA_BUNDLE"] {
      guard let path = nonEmpty(variable) else { continue }
      if isReadableFile(path) { return ("\(path) (from \(variable))", true, nil) }
      return (
        "\(path) (from \(variable)): not a readable file", false,
        "\(variable)=\(path) is not a readable file: publishing will fail TLS verification; fix or unset it"
      )
    }
    let usual = Self.usualCABundles.first(where: isReadableFile)
    if let builtIn = curl.defaultCABundle {
      if isReadableFile(builtIn) { return ("\(builtIn) (libcurl's built-in default)", true, nil) }
      let hint = usual.map { "; one exists at \($0): set SSL_CERT_FILE=\($0)" } ?? ""
      return (
        "\(builtIn) (libcurl's built-in default): missing", false,
        "libcurl's built-in CA bundle \(builtIn) does not exist\(hint)"
      )
    }
    if let usual {
      return (
        "\(usual) (a usual location; libcurl names no built-in bundle, its TLS library's default applies)", true, nil
      )
    }
    return ("none found", false, nil)
  }

  /// The CA certificate directory TLS verification would use.
  private func caDirectory() -> (line: String, found: Bool) {
    if let path = nonEmpty("SSL_CERT_DIR") {
      return isDirectory(path) ? ("\(path) (from SSL_CERT_DIR)", true) : ("\(path) (from SSL_CERT_DIR): missing", false)
    }
    guard let builtIn = curl.defaultCADirectory else { return ("none built in", false) }
    return isDirectory(builtIn)
      ? ("\(builtIn) (libcurl's built-in default)", true) : ("\(builtIn) (libcurl's built-in default): missing", false)
  }
}
