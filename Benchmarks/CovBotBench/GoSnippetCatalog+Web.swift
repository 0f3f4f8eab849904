extension GoSnippetCatalog {
  /// Snippets around net/http.
  static let web: [GoSnippet] = [handler, client, headers, links, forms]

  static let handler = GoSnippet(
    name: "handler", imports: ["fmt", "net/http", "strings"],
    code: #"""
      // StatusHandler answers health, echo and JSON requests.
      func StatusHandler(w http.ResponseWriter, r *http.Request) {
        switch {
        case r.URL.Path == "/healthz":
          w.WriteHeader(http.StatusOK)
          fmt.Fprint(w, "ok")
        case strings.HasPrefix(r.URL.Path, "/echo/"):
          if r.Method != http.MethodGet {
            http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
            return
          }
          fmt.Fprint(w, strings.TrimPrefix(r.URL.Path, "/echo/"))
        case r.URL.Path == "/json":
          w.Header().Set("Content-Type", "application/json")
          fmt.Fprintf(w, "{%q: %d}", "n", len(r.URL.Query()))
        default:
          http.NotFound(w, r)
        }
      }
      """#,
    cases: [
      GoTestCase(
        ["net/http", "net/http/httptest"],
        #"""
        rec := httptest.NewRecorder()
        StatusHandler(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
        if rec.Code != http.StatusOK || rec.Body.String() != "ok" {
          t.Fatalf("healthz: %d %q", rec.Code, rec.Body.String())
        }
        """#),
      GoTestCase(
        ["net/http", "net/http/httptest"],
        #"""
        rec := httptest.NewRecorder()
        StatusHandler(rec, httptest.NewRequest(http.MethodGet, "/echo/hello", nil))
        if rec.Body.String() != "hello" {
          t.Fatalf("echo: %q", rec.Body.String())
        }
        """#),
      GoTestCase(
        ["net/http", "net/http/httptest"],
        #"""
        rec := httptest.NewRecorder()
        StatusHandler(rec, httptest.NewRequest(http.MethodPost, "/echo/x", nil))
        if rec.Code != http.StatusMethodNotAllowed {
          t.Fatalf("echo POST: %d", rec.Code)
        }
        """#),
      GoTestCase(
        ["net/http", "net/http/httptest"],
        #"""
        rec := httptest.NewRecorder()
        StatusHandler(rec, httptest.NewRequest(http.MethodGet, "/json?a=1&b=2", nil))
        if rec.Header().Get("Content-Type") != "application/json" || rec.Body.String() != `{"n": 2}` {
          t.Fatalf("json: %q", rec.Body.String())
        }
        """#),
      GoTestCase(
        ["net/http", "net/http/httptest"],
        #"""
        rec := httptest.NewRecorder()
        StatusHandler(rec, httptest.NewRequest(http.MethodGet, "/missing", nil))
        if rec.Code != http.StatusNotFound {
          t.Fatalf("missing: %d", rec.Code)
        }
        """#),
    ])

  static let client = GoSnippet(
    name: "client", imports: ["fmt", "io", "net/http", "time"],
    code: #"""
      // FetchStatus GETs url and classifies the answer.
      func FetchStatus(client *http.Client, url string) (string, error) {
        if client == nil {
          client = &http.Client{Timeout: 5 * time.Second}
        }
        resp, err := client.Get(url)
        if err != nil {
          return "", fmt.Errorf("fetch %s: %w", url, err)
        }
        defer resp.Body.Close()
        body, err := io.ReadAll(resp.Body)
        if err != nil {
          return "", err
        }
        switch {
        case resp.StatusCode >= 500:
          return "server-error", nil
        case resp.StatusCode >= 400:
          return "client-error", nil
        case len(body) == 0:
          return "empty", nil
        }
        return "ok:" + string(body), nil
      }
      """#,
    cases: [
      GoTestCase(
        ["net/http", "net/http/httptest"],
        #"""
        srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
          _, _ = w.Write([]byte("x"))
        }))
        defer srv.Close()
        got, err := FetchStatus(nil, srv.URL)
        if err != nil || got != "ok:x" {
          t.Fatalf("got %q, %v", got, err)
        }
        """#),
      GoTestCase(
        ["net/http", "net/http/httptest"],
        #"""
        srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
          w.WriteHeader(http.StatusBadGateway)
        }))
        defer srv.Close()
        if got, _ := FetchStatus(srv.Client(), srv.URL); got != "server-error" {
          t.Fatalf("got %q", got)
        }
        """#),
      GoTestCase(
        ["net/http", "net/http/httptest"],
        #"""
        srv := httptest.NewServer(http.NotFoundHandler())
        defer srv.Close()
        if got, _ := FetchStatus(srv.Client(), srv.URL); got != "client-error" {
          t.Fatalf("got %q", got)
        }
        """#),
      GoTestCase(
        #"""
        if _, err := FetchStatus(nil, "http://127.0.0.1:1/"); err == nil {
          t.Fatal("expected a connection error")
        }
        """#),
    ])

  static let headers = GoSnippet(
    name: "headers", imports: ["net/http", "net/http/httputil"],
    code: #"""
      // DumpHeaders dumps a request's headers (no body), with secrets redacted.
      func DumpHeaders(r *http.Request) (string, error) {
        clone := r.Clone(r.Context())
        for _, h := range []string{"Authorization", "Cookie"} {
          if clone.Header.Get(h) != "" {
            clone.Header.Set(h, "REDACTED")
          }
        }
        out, err := httputil.DumpRequest(clone, false)
        if err != nil {
          return "", err
        }
        return string(out), nil
      }
      """#,
    cases: [
      GoTestCase(
        ["net/http/httptest", "strings"],
        #"""
        r := httptest.NewRequest("GET", "/x", nil)
        r.Header.Set("Authorization", "Bearer secret")
        out, err := DumpHeaders(r)
        if err != nil || strings.Contains(out, "secret") || !strings.Contains(out, "REDACTED") {
          t.Fatalf("got %q, %v", out, err)
        }
        """#),
      GoTestCase(
        ["net/http/httptest", "strings"],
        #"""
        out, err := DumpHeaders(httptest.NewRequest("GET", "/plain", nil))
        if err != nil || !strings.HasPrefix(out, "GET /plain") {
          t.Fatalf("got %q, %v", out, err)
        }
        """#),
    ])

  static let links = GoSnippet(
    name: "links", imports: ["fmt", "net/url", "strings"],
    code: #"""
      // NormalizeURL lower-cases the host, drops default ports and fragments, and sorts the query.
      func NormalizeURL(raw string) (string, error) {
        u, err := url.Parse(raw)
        if err != nil {
          return "", err
        }
        if u.Scheme != "http" && u.Scheme != "https" {
          return "", fmt.Errorf("links: unsupported scheme %q", u.Scheme)
        }
        host := strings.ToLower(u.Hostname())
        port := u.Port()
        if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
          port = ""
        }
        if port != "" {
          host += ":" + port
        }
        u.Host = host
        u.Fragment = ""
        u.RawQuery = u.Query().Encode()
        if u.Path == "" {
          u.Path = "/"
        }
        return u.String(), nil
      }
      """#,
    cases: [
      GoTestCase(
        #"""
        got, err := NormalizeURL("http://Example.COM:80/a?b=2&a=1#frag")
        if err != nil || got != "http://example.com/a?a=1&b=2" {
          t.Fatalf("got %q, %v", got, err)
        }
        """#),
      GoTestCase(
        #"""
        if _, err := NormalizeURL("ftp://example.com/"); err == nil {
          t.Fatal("expected an error for ftp")
        }
        """#),
      GoTestCase(
        #"""
        got, err := NormalizeURL("https://h:8443")
        if err != nil || got != "https://h:8443/" {
          t.Fatalf("got %q, %v", got, err)
        }
        """#),
      GoTestCase(
        #"""
        if _, err := NormalizeURL("http://[::1"); err == nil {
          t.Fatal("expected a parse error")
        }
        """#),
    ])

  static let forms = GoSnippet(
    name: "forms", imports: ["bytes", "mime/multipart", "sort"],
    code: #"""
      // BuildForm encodes fields (and an optional file) as multipart/form-data.
      func BuildForm(fields map[string]string, file string, content []byte) ([]byte, string, error) {
        var buf bytes.Buffer
        w := multipart.NewWriter(&buf)
        keys := make([]string, 0, len(fields))
        for k := range fields {
          keys = append(keys, k)
        }
        sort.Strings(keys)
        for _, k := range keys {
          if err := w.WriteField(k, fields[k]); err != nil {
            return nil, "", err
          }
        }
        if file != "" {
          part, err := w.CreateFormFile("file", file)
          if err != nil {
            return nil, "", err
          }
          if _, err := part.Write(content); err != nil {
            return nil, "", err
          }
        }
        if err := w.Close(); err != nil {
          return nil, "", err
        }
        return buf.Bytes(), w.FormDataContentType(), nil
      }
      """#,
    cases: [
      GoTestCase(
        ["strings"],
        #"""
        body, ct, err := BuildForm(map[string]string{"b": "2", "a": "1"}, "", nil)
        if err != nil || !strings.HasPrefix(ct, "multipart/form-data") || len(body) == 0 {
          t.Fatalf("got %q, %v", ct, err)
        }
        """#),
      GoTestCase(
        ["bytes", "io", "mime", "mime/multipart"],
        #"""
        body, ct, err := BuildForm(map[string]string{"k": "v"}, "a.txt", []byte("data"))
        if err != nil {
          t.Fatal(err)
        }
        _, params, err := mime.ParseMediaType(ct)
        if err != nil {
          t.Fatal(err)
        }
        r := multipart.NewReader(bytes.NewReader(body), params["boundary"])
        parts := 0
        for {
          p, err := r.NextPart()
          if err == io.EOF {
            break
          }
          if err != nil {
            t.Fatal(err)
          }
          parts++
          _ = p.Close()
        }
        if parts != 2 {
          t.Fatalf("parts = %d", parts)
        }
        """#),
    ])
}
