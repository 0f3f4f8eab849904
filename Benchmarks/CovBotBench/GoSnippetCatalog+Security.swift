extension GoSnippetCatalog {
  /// Snippets around crypto/*.
  static let security: [GoSnippet] = [tlsconf, certs, signing]

  static let tlsconf = GoSnippet(
    name: "tlsconf", imports: ["crypto/tls", "fmt"],
    code: #"""
      // TLSConfig builds a client TLS configuration from options.
      func TLSConfig(minVersion string, suites []string, insecure bool) (*tls.Config, error) {
        cfg := &tls.Config{InsecureSkipVerify: insecure}
        switch minVersion {
        case "", "1.2":
          cfg.MinVersion = tls.VersionTLS12
        case "1.3":
          cfg.MinVersion = tls.VersionTLS13
        default:
          return nil, fmt.Errorf("tls: unsupported minimum version %q", minVersion)
        }
        for _, name := range suites {
          found := false
          for _, s := range tls.CipherSuites() {
            if s.Name == name {
              cfg.CipherSuites = append(cfg.CipherSuites, s.ID)
              found = true
            }
          }
          if !found {
            return nil, fmt.Errorf("tls: unknown cipher suite %q", name)
          }
        }
        return cfg, nil
      }
      """#,
    cases: [
      GoTestCase(
        ["crypto/tls"],
        #"""
        cfg, err := TLSConfig("", nil, false)
        if err != nil || cfg.MinVersion != tls.VersionTLS12 {
          t.Fatalf("got %+v, %v", cfg, err)
        }
        """#),
      GoTestCase(
        ["crypto/tls"],
        #"""
        cfg, err := TLSConfig("1.3", nil, false)
        if err != nil || cfg.MinVersion != tls.VersionTLS13 {
          t.Fatalf("got %+v, %v", cfg, err)
        }
        """#),
      GoTestCase(
        #"""
        if _, err := TLSConfig("1.0", nil, false); err == nil {
          t.Fatal("expected a version error")
        }
        """#),
      GoTestCase(
        #"""
        cfg, err := TLSConfig("1.2", []string{"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"}, false)
        if err != nil || len(cfg.CipherSuites) != 1 {
          t.Fatalf("got %+v, %v", cfg, err)
        }
        """#),
      GoTestCase(
        #"""
        if _, err := TLSConfig("1.2", []string{"TLS_NOPE"}, false); err == nil {
          t.Fatal("expected a suite error")
        }
        """#),
    ])

  static let certs = GoSnippet(
    name: "certs",
    imports: [
      "crypto/ecdsa", "crypto/elliptic", "crypto/rand", "crypto/x509", "crypto/x509/pkix", "errors", "math/big",
      "time",
    ],
    code: #"""
      // SelfSigned creates a self-signed certificate for host, valid for days.
      func SelfSigned(host string, days int) (*x509.Certificate, error) {
        if host == "" {
          return nil, errors.New("certs: host is required")
        }
        if days <= 0 {
          days = 1
        }
        key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
        if err != nil {
          return nil, err
        }
        tmpl := &x509.Certificate{
          SerialNumber: big.NewInt(time.Now().UnixNano()),
          Subject:      pkix.Name{CommonName: host},
          NotBefore:    time.Now().Add(-time.Minute),
          NotAfter:     time.Now().Add(time.Duration(days) * 24 * time.Hour),
          DNSNames:     []string{host},
        }
        der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
        if err != nil {
          return nil, err
        }
        return x509.ParseCertificate(der)
      }
      """#,
    cases: [
      GoTestCase(
        #"""
        cert, err := SelfSigned("example.test", 30)
        if err != nil || cert.Subject.CommonName != "example.test" {
          t.Fatalf("got %v, %v", cert, err)
        }
        if err := cert.VerifyHostname("example.test"); err != nil {
          t.Fatal(err)
        }
        """#),
      GoTestCase(
        #"""
        if _, err := SelfSigned("", 1); err == nil {
          t.Fatal("expected an error")
        }
        """#),
      GoTestCase(
        ["time"],
        #"""
        cert, err := SelfSigned("h", 0)
        if err != nil || !cert.NotAfter.After(time.Now()) {
          t.Fatalf("got %v, %v", cert, err)
        }
        """#),
    ])

  static let signing = GoSnippet(
    name: "signing", imports: ["crypto/hmac", "crypto/sha256", "encoding/hex"],
    code: #"""
      // Sign returns the hex HMAC-SHA256 of msg under key.
      func Sign(key, msg []byte) string {
        mac := hmac.New(sha256.New, key)
        mac.Write(msg)
        return hex.EncodeToString(mac.Sum(nil))
      }

      // Verify checks a hex signature in constant time.
      func Verify(key, msg []byte, sig string) bool {
        if len(sig) != sha256.Size*2 {
          return false
        }
        want, err := hex.DecodeString(sig)
        if err != nil {
          return false
        }
        mac := hmac.New(sha256.New, key)
        mac.Write(msg)
        return hmac.Equal(mac.Sum(nil), want)
      }
      """#,
    cases: [
      GoTestCase(
        #"""
        sig := Sign([]byte("k"), []byte("m"))
        if !Verify([]byte("k"), []byte("m"), sig) {
          t.Fatal("signature did not verify")
        }
        """#),
      GoTestCase(
        #"""
        if Verify([]byte("k"), []byte("m"), "abc") {
          t.Fatal("short signature verified")
        }
        """#),
      GoTestCase(
        ["strings"],
        #"""
        if Verify([]byte("k"), []byte("m"), strings.Repeat("zz", 32)) {
          t.Fatal("non-hex signature verified")
        }
        """#),
      GoTestCase(
        #"""
        if Verify([]byte("other"), []byte("m"), Sign([]byte("k"), []byte("m"))) {
          t.Fatal("wrong key verified")
        }
        """#),
    ])
}
