import CCurl

/// The libcurl covbot runs against (not the one it was compiled with): what `covbot self-check` reports.
///
/// A release binary links the distribution's libcurl at run time, so its version, TLS backend and
/// built-in CA locations are whatever the runner has installed.
public struct CurlRuntime: Sendable, Equatable {
  /// libcurl's version, e.g. `7.88.1`.
  public var version: String
  /// The TLS library and its version, e.g. `OpenSSL/3.0.17`; `nil` when libcurl was built without TLS.
  public var tlsBackend: String?
  /// The URL schemes libcurl supports, lowercase (`http`, `https`, …).
  public var protocols: [String]
  /// libcurl's built-in CA bundle file (`CURLINFO_CAINFO`); `nil` when it has none or is older than 7.84.
  public var defaultCABundle: String?
  /// libcurl's built-in CA certificate directory (`CURLINFO_CAPATH`); `nil` as for ``defaultCABundle``.
  public var defaultCADirectory: String?

  /// Creates a description (tests build ones that lack HTTPS).
  public init(
    version: String, tlsBackend: String?, protocols: [String], defaultCABundle: String? = nil,
    defaultCADirectory: String? = nil
  ) {
    self.version = version
    self.tlsBackend = tlsBackend
    self.protocols = protocols
    self.defaultCABundle = defaultCABundle
    self.defaultCADirectory = defaultCADirectory
  }

  /// Whether this libcurl can talk to GitHub at all: it lists `https` and has a TLS backend.
  public var supportsHTTPS: Bool { protocols.contains("https") && tlsBackend != nil }

  /// The libcurl loaded into this process.
  public static func current() -> CurlRuntime {
    guard let info = covbot_curl_version_info_now() else {
      return CurlRuntime(version: "unknown", tlsBackend: nil, protocols: [])
    }
    let data = info.pointee
    var protocols: [String] = []
    if var cursor = data.protocols {
      while let name = cursor.pointee {
        protocols.append(String(cString: name).lowercased())
        cursor += 1
      }
    }
    var runtime = CurlRuntime(
      version: data.version.map { String(cString: $0) } ?? "unknown",
      tlsBackend: data.ssl_version.map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 },
      protocols: protocols)
    // The built-in CA locations are per-handle information: ask a handle that never transfers anything.
    if let handle = curl_easy_init() {
      defer { curl_easy_cleanup(handle) }
      var pointer: UnsafeMutablePointer<CChar>? = nil
      if covbot_curl_easy_getinfo_default_cainfo(handle, &pointer) == CURLE_OK, let pointer {
        runtime.defaultCABundle = String(cString: pointer)
      }
      pointer = nil
      if covbot_curl_easy_getinfo_default_capath(handle, &pointer) == CURLE_OK, let pointer {
        runtime.defaultCADirectory = String(cString: pointer)
      }
    }
    return runtime
  }
}
