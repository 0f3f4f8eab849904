import GitHub
import Testing

@Suite struct CurlRuntimeTests {
  @Test func theLoadedLibcurlDoesHTTPSWithATLSBackend() throws {
    let runtime = CurlRuntime.current()
    #expect(runtime.version.first?.isNumber == true, "\(runtime.version)")
    #expect(runtime.protocols.contains("http"))
    #expect(runtime.supportsHTTPS, "protocols \(runtime.protocols), TLS \(runtime.tlsBackend ?? "none")")
  }

  @Test func httpsNeedsTheSchemeAndATLSBackend() {
    #expect(!CurlRuntime(version: "8.0.0", tlsBackend: nil, protocols: ["http", "https"]).supportsHTTPS)
    #expect(!CurlRuntime(version: "8.0.0", tlsBackend: "OpenSSL/3.0.0", protocols: ["http"]).supportsHTTPS)
    #expect(CurlRuntime(version: "8.0.0", tlsBackend: "OpenSSL/3.0.0", protocols: ["http", "https"]).supportsHTTPS)
  }
}
