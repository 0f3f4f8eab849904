extension GoSnippetCatalog {
  /// Snippets around encodings and archives.
  static let encoding: [GoSnippet] = [config, feed, table, wire, archive, tarball]

  static let config = GoSnippet(
    name: "config", imports: ["encoding/json", "errors", "fmt"],
    code: #"""
      // Config is a service configuration.
      type Config struct {
        Name    string   `json:"name"`
        Port    int      `json:"port"`
        Tags    []string `json:"tags,omitempty"`
        Verbose bool     `json:"verbose"`
      }

      // ErrNoName reports a configuration without a name.
      var ErrNoName = errors.New("config: name is required")

      // ParseConfig decodes and validates a configuration.
      func ParseConfig(data []byte) (Config, error) {
        var c Config
        if err := json.Unmarshal(data, &c); err != nil {
          return Config{}, fmt.Errorf("config: %w", err)
        }
        if c.Name == "" {
          return Config{}, ErrNoName
        }
        if c.Port <= 0 || c.Port > 65535 {
          return Config{}, fmt.Errorf("config: port %d out of range", c.Port)
        }
        if len(c.Tags) > 8 {
          c.Tags = c.Tags[:8]
        }
        return c, nil
      }

      // EncodeConfig encodes c with stable indentation.
      func EncodeConfig(c Config) (string, error) {
        out, err := json.MarshalIndent(c, "", "  ")
        if err != nil {
          return "", err
        }
        return string(out), nil
      }
      """#,
    cases: [
      GoTestCase(
        #"""
        c, err := ParseConfig([]byte(`{"name":"api","port":8080,"tags":["a"]}`))
        if err != nil || c.Name != "api" || c.Port != 8080 {
          t.Fatalf("got %+v, %v", c, err)
        }
        """#),
      GoTestCase(
        ["errors"],
        #"""
        if _, err := ParseConfig([]byte(`{"port":1}`)); !errors.Is(err, ErrNoName) {
          t.Fatalf("got %v", err)
        }
        """#),
      GoTestCase(
        #"""
        if _, err := ParseConfig([]byte(`{"name":`)); err == nil {
          t.Fatal("expected a syntax error")
        }
        """#),
      GoTestCase(
        #"""
        if _, err := ParseConfig([]byte(`{"name":"x","port":70000}`)); err == nil {
          t.Fatal("expected a range error")
        }
        """#),
      GoTestCase(
        ["strings"],
        #"""
        out, err := EncodeConfig(Config{Name: "n", Port: 1})
        if err != nil || !strings.Contains(out, `"name": "n"`) {
          t.Fatalf("got %q, %v", out, err)
        }
        """#),
    ])

  static let feed = GoSnippet(
    name: "feed", imports: ["encoding/xml"],
    code: #"""
      // Feed is a minimal Atom-like document.
      type Feed struct {
        XMLName xml.Name   `xml:"feed"`
        Title   string     `xml:"title"`
        Entries []FeedItem `xml:"entry"`
      }

      // FeedItem is one entry of a Feed.
      type FeedItem struct {
        ID    string `xml:"id,attr"`
        Title string `xml:"title"`
      }

      // ParseFeed decodes a feed and drops entries without an ID.
      func ParseFeed(data []byte) (Feed, int, error) {
        var f Feed
        if err := xml.Unmarshal(data, &f); err != nil {
          return Feed{}, 0, err
        }
        kept := f.Entries[:0]
        dropped := 0
        for _, e := range f.Entries {
          if e.ID == "" {
            dropped++
            continue
          }
          kept = append(kept, e)
        }
        f.Entries = kept
        return f, dropped, nil
      }
      """#,
    cases: [
      GoTestCase(
        #"""
        doc := `<feed><title>T</title><entry id="1"><title>a</title></entry>` +
          `<entry><title>b</title></entry></feed>`
        f, dropped, err := ParseFeed([]byte(doc))
        if err != nil || f.Title != "T" || len(f.Entries) != 1 || dropped != 1 {
          t.Fatalf("got %+v %d %v", f, dropped, err)
        }
        """#),
      GoTestCase(
        #"""
        if _, _, err := ParseFeed([]byte(`<feed><title>`)); err == nil {
          t.Fatal("expected an XML error")
        }
        """#),
    ])

  static let table = GoSnippet(
    name: "table", imports: ["encoding/csv", "fmt", "strconv", "strings"],
    code: #"""
      // SumColumn parses CSV and sums the numeric column col, skipping the header.
      func SumColumn(data string, col int) (float64, error) {
        records, err := csv.NewReader(strings.NewReader(data)).ReadAll()
        if err != nil {
          return 0, err
        }
        if len(records) < 2 {
          return 0, nil
        }
        var sum float64
        for i, rec := range records[1:] {
          if col >= len(rec) {
            return 0, fmt.Errorf("table: row %d has no column %d", i+2, col)
          }
          v, err := strconv.ParseFloat(strings.TrimSpace(rec[col]), 64)
          if err != nil {
            return 0, fmt.Errorf("table: row %d: %w", i+2, err)
          }
          sum += v
        }
        return sum, nil
      }
      """#,
    cases: [
      GoTestCase(
        #"""
        if got, err := SumColumn("a,b\n1,2\n3,4.5\n", 1); err != nil || got != 6.5 {
          t.Fatalf("got %v, %v", got, err)
        }
        """#),
      GoTestCase(
        #"""
        if got, err := SumColumn("a,b\n", 0); err != nil || got != 0 {
          t.Fatalf("got %v, %v", got, err)
        }
        """#),
      GoTestCase(
        #"""
        if _, err := SumColumn("a,b\n1,2\n", 5); err == nil {
          t.Fatal("expected a column error")
        }
        """#),
      GoTestCase(
        #"""
        if _, err := SumColumn("a,b\n1,x\n", 1); err == nil {
          t.Fatal("expected a number error")
        }
        """#),
      GoTestCase(
        #"""
        if _, err := SumColumn("a,b\n1\n", 0); err == nil {
          t.Fatal("expected a field-count error")
        }
        """#),
    ])

  static let wire = GoSnippet(
    name: "wire", imports: ["encoding/base64", "encoding/binary", "errors"],
    code: #"""
      // EncodeFrame packs a kind byte and payload as base64 of [kind][length uint32][payload].
      func EncodeFrame(kind byte, payload []byte) (string, error) {
        if len(payload) > 1<<20 {
          return "", errors.New("wire: payload too large")
        }
        buf := make([]byte, 5+len(payload))
        buf[0] = kind
        binary.BigEndian.PutUint32(buf[1:5], uint32(len(payload)))
        copy(buf[5:], payload)
        return base64.StdEncoding.EncodeToString(buf), nil
      }

      // DecodeFrame reverses EncodeFrame.
      func DecodeFrame(s string) (byte, []byte, error) {
        raw, err := base64.StdEncoding.DecodeString(s)
        if err != nil {
          return 0, nil, err
        }
        if len(raw) < 5 {
          return 0, nil, errors.New("wire: short frame")
        }
        if n := binary.BigEndian.Uint32(raw[1:5]); int(n) != len(raw)-5 {
          return 0, nil, errors.New("wire: length mismatch")
        }
        return raw[0], raw[5:], nil
      }
      """#,
    cases: [
      GoTestCase(
        #"""
        s, err := EncodeFrame(7, []byte("hello"))
        if err != nil {
          t.Fatal(err)
        }
        kind, payload, err := DecodeFrame(s)
        if err != nil || kind != 7 || string(payload) != "hello" {
          t.Fatalf("got %d %q %v", kind, payload, err)
        }
        """#),
      GoTestCase(
        #"""
        if _, err := EncodeFrame(1, make([]byte, 2<<20)); err == nil {
          t.Fatal("expected a size error")
        }
        """#),
      GoTestCase(
        #"""
        if _, _, err := DecodeFrame("!!"); err == nil {
          t.Fatal("expected a base64 error")
        }
        """#),
      GoTestCase(
        ["encoding/base64"],
        #"""
        if _, _, err := DecodeFrame(base64.StdEncoding.EncodeToString([]byte{1, 0})); err == nil {
          t.Fatal("expected a short frame")
        }
        """#),
    ])

  static let archive = GoSnippet(
    name: "archive", imports: ["bytes", "compress/gzip", "io"],
    code: #"""
      // Compress gzips data at level, refusing empty input.
      func Compress(data []byte, level int) ([]byte, error) {
        if len(data) == 0 {
          return nil, io.ErrUnexpectedEOF
        }
        var buf bytes.Buffer
        w, err := gzip.NewWriterLevel(&buf, level)
        if err != nil {
          return nil, err
        }
        if _, err := w.Write(data); err != nil {
          return nil, err
        }
        if err := w.Close(); err != nil {
          return nil, err
        }
        return buf.Bytes(), nil
      }

      // Decompress reverses Compress.
      func Decompress(data []byte) ([]byte, error) {
        r, err := gzip.NewReader(bytes.NewReader(data))
        if err != nil {
          return nil, err
        }
        defer r.Close()
        return io.ReadAll(r)
      }
      """#,
    cases: [
      GoTestCase(
        ["bytes", "compress/gzip"],
        #"""
        in := bytes.Repeat([]byte("covbot "), 100)
        z, err := Compress(in, gzip.BestCompression)
        if err != nil {
          t.Fatal(err)
        }
        out, err := Decompress(z)
        if err != nil || !bytes.Equal(in, out) {
          t.Fatalf("round trip failed: %v", err)
        }
        """#),
      GoTestCase(
        #"""
        if _, err := Compress(nil, 1); err == nil {
          t.Fatal("expected an error for empty input")
        }
        """#),
      GoTestCase(
        #"""
        if _, err := Compress([]byte("x"), 42); err == nil {
          t.Fatal("expected a level error")
        }
        """#),
      GoTestCase(
        #"""
        if _, err := Decompress([]byte("not gzip")); err == nil {
          t.Fatal("expected a header error")
        }
        """#),
    ])

  static let tarball = GoSnippet(
    name: "tarball", imports: ["archive/tar", "bytes", "errors", "fmt", "sort", "strings"],
    code: #"""
      // TarFiles writes files (name → content) into a tar archive in name order.
      func TarFiles(files map[string]string) ([]byte, error) {
        if len(files) == 0 {
          return nil, errors.New("tarball: nothing to archive")
        }
        names := make([]string, 0, len(files))
        for name := range files {
          if strings.Contains(name, "..") {
            return nil, fmt.Errorf("tarball: unsafe name %q", name)
          }
          names = append(names, name)
        }
        sort.Strings(names)
        var buf bytes.Buffer
        tw := tar.NewWriter(&buf)
        for _, name := range names {
          hdr := &tar.Header{Name: name, Mode: 0o644, Size: int64(len(files[name]))}
          if err := tw.WriteHeader(hdr); err != nil {
            return nil, err
          }
          if _, err := tw.Write([]byte(files[name])); err != nil {
            return nil, err
          }
        }
        if err := tw.Close(); err != nil {
          return nil, err
        }
        return buf.Bytes(), nil
      }
      """#,
    cases: [
      GoTestCase(
        ["archive/tar", "bytes", "io"],
        #"""
        data, err := TarFiles(map[string]string{"b.txt": "bb", "a.txt": "a"})
        if err != nil {
          t.Fatal(err)
        }
        r := tar.NewReader(bytes.NewReader(data))
        var names []string
        for {
          h, err := r.Next()
          if err == io.EOF {
            break
          }
          if err != nil {
            t.Fatal(err)
          }
          names = append(names, h.Name)
        }
        if len(names) != 2 || names[0] != "a.txt" {
          t.Fatalf("names = %v", names)
        }
        """#),
      GoTestCase(
        #"""
        if _, err := TarFiles(nil); err == nil {
          t.Fatal("expected an error")
        }
        """#),
      GoTestCase(
        #"""
        if _, err := TarFiles(map[string]string{"../x": ""}); err == nil {
          t.Fatal("expected an unsafe-name error")
        }
        """#),
    ])
}
