extension GoSnippetCatalog {
  /// Snippets around database/sql, regexp, logging, mail and plain algorithms.
  static let utilities: [GoSnippet] = [store, classify, logging, mailer, stats, workers, walker]

  static let store = GoSnippet(
    name: "store", imports: ["database/sql", "database/sql/driver", "fmt", "strings"],
    code: #"""
      // NullableName converts a nullable column into a display name.
      func NullableName(v sql.NullString, fallback string) string {
        if !v.Valid || strings.TrimSpace(v.String) == "" {
          return fallback
        }
        return v.String
      }

      // ScanAge scans a driver value into an age; NULL becomes -1.
      func ScanAge(src any) (int64, error) {
        var n sql.NullInt64
        if err := n.Scan(src); err != nil {
          return 0, err
        }
        if !n.Valid {
          return -1, nil
        }
        if n.Int64 < 0 {
          return 0, fmt.Errorf("store: negative age %d", n.Int64)
        }
        return n.Int64, nil
      }

      // ValueOf returns v's driver value, or nil for a nil valuer.
      func ValueOf(v driver.Valuer) (driver.Value, error) {
        if v == nil {
          return nil, nil
        }
        return v.Value()
      }

      // Placeholders returns n comma-separated SQL placeholders.
      func Placeholders(n int) string {
        if n <= 0 {
          return ""
        }
        return strings.TrimSuffix(strings.Repeat("?,", n), ",")
      }
      """#,
    cases: [
      GoTestCase(
        ["database/sql"],
        #"""
        if got := NullableName(sql.NullString{String: "ann", Valid: true}, "-"); got != "ann" {
          t.Fatalf("got %q", got)
        }
        if got := NullableName(sql.NullString{}, "-"); got != "-" {
          t.Fatalf("got %q", got)
        }
        """#),
      GoTestCase(
        #"""
        if got, err := ScanAge(int64(42)); err != nil || got != 42 {
          t.Fatalf("got %d, %v", got, err)
        }
        if got, err := ScanAge(nil); err != nil || got != -1 {
          t.Fatalf("got %d, %v", got, err)
        }
        """#),
      GoTestCase(
        #"""
        if _, err := ScanAge(int64(-3)); err == nil {
          t.Fatal("expected a negative-age error")
        }
        if _, err := ScanAge("x"); err == nil {
          t.Fatal("expected a conversion error")
        }
        """#),
      GoTestCase(
        ["database/sql"],
        #"""
        v, err := ValueOf(sql.NullInt64{Int64: 5, Valid: true})
        if err != nil || v != int64(5) {
          t.Fatalf("got %v, %v", v, err)
        }
        """#),
      GoTestCase(
        #"""
        if Placeholders(3) != "?,?,?" || Placeholders(0) != "" {
          t.Fatal("placeholders")
        }
        """#),
    ])

  static let classify = GoSnippet(
    name: "classify", imports: ["regexp"],
    code: #"""
      var (
        emailPattern  = regexp.MustCompile(`^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$`)
        semverPattern = regexp.MustCompile(`^v?(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$`)
        uuidPattern   = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
      )

      // Classify says what kind of identifier s looks like.
      func Classify(s string) string {
        switch {
        case s == "":
          return "empty"
        case emailPattern.MatchString(s):
          return "email"
        case semverPattern.MatchString(s):
          if m := semverPattern.FindStringSubmatch(s); m[4] != "" {
            return "prerelease"
          }
          return "semver"
        case uuidPattern.MatchString(s):
          return "uuid"
        }
        return "other"
      }
      """#,
    cases: [
      GoTestCase(
        #"""
        if got := Classify("dev@example.com"); got != "email" {
          t.Fatalf("got %q", got)
        }
        """#),
      GoTestCase(
        #"""
        if got := Classify("v1.2.3"); got != "semver" {
          t.Fatalf("got %q", got)
        }
        """#),
      GoTestCase(
        #"""
        if got := Classify("1.2.3-rc.1"); got != "prerelease" {
          t.Fatalf("got %q", got)
        }
        """#),
      GoTestCase(
        #"""
        if got := Classify("123e4567-e89b-12d3-a456-426614174000"); got != "uuid" {
          t.Fatalf("got %q", got)
        }
        """#),
      GoTestCase(
        #"""
        if Classify("") != "empty" || Classify("???") != "other" {
          t.Fatal("empty or other")
        }
        """#),
    ])

  static let logging = GoSnippet(
    name: "logging", imports: ["fmt", "io", "log/slog", "strings"],
    code: #"""
      // NewLogger returns a JSON logger writing to w at the named level.
      func NewLogger(w io.Writer, level string) (*slog.Logger, error) {
        var l slog.Level
        switch strings.ToLower(level) {
        case "debug":
          l = slog.LevelDebug
        case "", "info":
          l = slog.LevelInfo
        case "warn", "warning":
          l = slog.LevelWarn
        case "error":
          l = slog.LevelError
        default:
          return nil, fmt.Errorf("logging: unknown level %q", level)
        }
        return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l})), nil
      }
      """#,
    cases: [
      GoTestCase(
        ["bytes", "strings"],
        #"""
        var buf bytes.Buffer
        log, err := NewLogger(&buf, "DEBUG")
        if err != nil {
          t.Fatal(err)
        }
        log.Debug("hello", "n", 1)
        if !strings.Contains(buf.String(), `"msg":"hello"`) {
          t.Fatalf("got %q", buf.String())
        }
        """#),
      GoTestCase(
        ["bytes"],
        #"""
        var buf bytes.Buffer
        log, err := NewLogger(&buf, "warn")
        if err != nil {
          t.Fatal(err)
        }
        log.Info("hidden")
        if buf.Len() != 0 {
          t.Fatalf("got %q", buf.String())
        }
        """#),
      GoTestCase(
        ["io"],
        #"""
        if _, err := NewLogger(io.Discard, "loud"); err == nil {
          t.Fatal("expected a level error")
        }
        """#),
    ])

  static let mailer = GoSnippet(
    name: "mailer", imports: ["fmt", "net/mail", "strings"],
    code: #"""
      // ParseRecipients parses an address list, drops duplicates and rejects foreign domains.
      func ParseRecipients(list, domain string) ([]string, error) {
        addrs, err := mail.ParseAddressList(list)
        if err != nil {
          return nil, err
        }
        seen := map[string]bool{}
        var out []string
        for _, a := range addrs {
          addr := strings.ToLower(a.Address)
          if seen[addr] {
            continue
          }
          if domain != "" && !strings.HasSuffix(addr, "@"+domain) {
            return nil, fmt.Errorf("mailer: %s is outside %s", addr, domain)
          }
          seen[addr] = true
          out = append(out, addr)
        }
        return out, nil
      }
      """#,
    cases: [
      GoTestCase(
        #"""
        got, err := ParseRecipients("Ann <ann@x.org>, ANN@x.org, bob@x.org", "x.org")
        if err != nil || len(got) != 2 {
          t.Fatalf("got %v, %v", got, err)
        }
        """#),
      GoTestCase(
        #"""
        if _, err := ParseRecipients("eve@y.org", "x.org"); err == nil {
          t.Fatal("expected a domain error")
        }
        """#),
      GoTestCase(
        #"""
        if _, err := ParseRecipients("not an address", ""); err == nil {
          t.Fatal("expected a parse error")
        }
        """#),
    ])

  static let stats = GoSnippet(
    name: "stats", imports: ["math", "slices"],
    code: #"""
      // Summary holds basic statistics.
      type Summary struct {
        Min, Max, Mean, Median float64
      }

      // Summarize computes statistics of values, ignoring NaNs; false when nothing is left.
      func Summarize(values []float64) (Summary, bool) {
        clean := make([]float64, 0, len(values))
        for _, v := range values {
          if math.IsNaN(v) {
            continue
          }
          clean = append(clean, v)
        }
        if len(clean) == 0 {
          return Summary{}, false
        }
        slices.Sort(clean)
        var sum float64
        for _, v := range clean {
          sum += v
        }
        s := Summary{Min: clean[0], Max: clean[len(clean)-1], Mean: sum / float64(len(clean))}
        if n := len(clean); n%2 == 1 {
          s.Median = clean[n/2]
        } else {
          s.Median = (clean[n/2-1] + clean[n/2]) / 2
        }
        return s, true
      }
      """#,
    cases: [
      GoTestCase(
        #"""
        s, ok := Summarize([]float64{3, 1, 2})
        if !ok || s.Median != 2 || s.Min != 1 || s.Max != 3 {
          t.Fatalf("got %+v", s)
        }
        """#),
      GoTestCase(
        ["math"],
        #"""
        s, ok := Summarize([]float64{4, 1, math.NaN(), 3, 2})
        if !ok || s.Median != 2.5 {
          t.Fatalf("got %+v", s)
        }
        """#),
      GoTestCase(
        ["math"],
        #"""
        if _, ok := Summarize([]float64{math.NaN()}); ok {
          t.Fatal("expected no summary")
        }
        """#),
    ])

  static let workers = GoSnippet(
    name: "workers", imports: ["context", "sync"],
    code: #"""
      // ParallelMap applies f to items with at most limit goroutines; the first error wins.
      func ParallelMap(ctx context.Context, items []int, limit int, f func(int) (int, error)) ([]int, error) {
        if limit <= 0 {
          limit = 1
        }
        out := make([]int, len(items))
        sem := make(chan struct{}, limit)
        var wg sync.WaitGroup
        var mu sync.Mutex
        var firstErr error
        for i, item := range items {
          if err := ctx.Err(); err != nil {
            wg.Wait()
            return nil, err
          }
          sem <- struct{}{}
          wg.Add(1)
          go func(i, item int) {
            defer wg.Done()
            defer func() { <-sem }()
            v, err := f(item)
            mu.Lock()
            defer mu.Unlock()
            if err != nil && firstErr == nil {
              firstErr = err
            }
            out[i] = v
          }(i, item)
        }
        wg.Wait()
        if firstErr != nil {
          return nil, firstErr
        }
        return out, nil
      }
      """#,
    cases: [
      GoTestCase(
        ["context"],
        #"""
        got, err := ParallelMap(context.Background(), []int{1, 2, 3}, 2, func(n int) (int, error) { return n * 2, nil })
        if err != nil || got[2] != 6 {
          t.Fatalf("got %v, %v", got, err)
        }
        """#),
      GoTestCase(
        ["context", "errors"],
        #"""
        boom := errors.New("boom")
        _, err := ParallelMap(context.Background(), []int{1, 2}, 0, func(n int) (int, error) { return 0, boom })
        if !errors.Is(err, boom) {
          t.Fatalf("got %v", err)
        }
        """#),
      GoTestCase(
        ["context"],
        #"""
        ctx, cancel := context.WithCancel(context.Background())
        cancel()
        if _, err := ParallelMap(ctx, []int{1}, 1, func(n int) (int, error) { return n, nil }); err == nil {
          t.Fatal("expected a context error")
        }
        """#),
    ])

  static let walker = GoSnippet(
    name: "walker", imports: ["io/fs", "path", "strings"],
    code: #"""
      // CountByExt counts files by extension in fsys, skipping hidden directories.
      func CountByExt(fsys fs.FS) (map[string]int, error) {
        counts := map[string]int{}
        err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
          if err != nil {
            return err
          }
          if d.IsDir() {
            if p != "." && strings.HasPrefix(d.Name(), ".") {
              return fs.SkipDir
            }
            return nil
          }
          ext := path.Ext(p)
          if ext == "" {
            ext = "(none)"
          }
          counts[ext]++
          return nil
        })
        return counts, err
      }
      """#,
    cases: [
      GoTestCase(
        ["testing/fstest"],
        #"""
        fsys := fstest.MapFS{
          "a.go":          {Data: []byte("x")},
          "b/c.go":        {Data: []byte("y")},
          "b/README":      {Data: []byte("z")},
          ".git/config.go": {Data: []byte("hidden")},
        }
        counts, err := CountByExt(fsys)
        if err != nil || counts[".go"] != 2 || counts["(none)"] != 1 {
          t.Fatalf("got %v, %v", counts, err)
        }
        """#),
      GoTestCase(
        ["testing/fstest"],
        #"""
        if _, err := CountByExt(fstest.MapFS{}); err != nil {
          t.Fatal(err)
        }
        """#),
    ])
}
