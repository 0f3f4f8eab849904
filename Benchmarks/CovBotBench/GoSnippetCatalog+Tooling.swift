extension GoSnippetCatalog {
  /// Snippets around templates and the go/* packages.
  static let tooling: [GoSnippet] = [render, page, syntax, typecheck, pretty]

  static let render = GoSnippet(
    name: "render", imports: ["strings", "text/template"],
    code: #"""
      var reportTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
        "upper": strings.ToUpper,
      }).Parse(`{{if .Failed}}FAILED{{else}}ok{{end}} {{upper .Name}}{{range .Items}} [{{.}}]{{end}}`))

      // Report is rendered by RenderReport.
      type Report struct {
        Name   string
        Failed bool
        Items  []string
      }

      // RenderReport renders r with the built-in template, or with custom when it is not empty.
      func RenderReport(r Report, custom string) (string, error) {
        t := reportTemplate
        if custom != "" {
          parsed, err := template.New("custom").Parse(custom)
          if err != nil {
            return "", err
          }
          t = parsed
        }
        var b strings.Builder
        if err := t.Execute(&b, r); err != nil {
          return "", err
        }
        return b.String(), nil
      }
      """#,
    cases: [
      GoTestCase(
        #"""
        got, err := RenderReport(Report{Name: "api", Items: []string{"a", "b"}}, "")
        if err != nil || got != "ok API [a] [b]" {
          t.Fatalf("got %q, %v", got, err)
        }
        """#),
      GoTestCase(
        #"""
        got, err := RenderReport(Report{Name: "x", Failed: true}, "")
        if err != nil || got != "FAILED X" {
          t.Fatalf("got %q, %v", got, err)
        }
        """#),
      GoTestCase(
        #"""
        got, err := RenderReport(Report{Name: "n"}, "name={{.Name}}")
        if err != nil || got != "name=n" {
          t.Fatalf("got %q, %v", got, err)
        }
        """#),
      GoTestCase(
        #"""
        if _, err := RenderReport(Report{}, "{{if}}"); err == nil {
          t.Fatal("expected a parse error")
        }
        """#),
      GoTestCase(
        #"""
        if _, err := RenderReport(Report{}, "{{.Missing}}"); err == nil {
          t.Fatal("expected an execution error")
        }
        """#),
    ])

  static let page = GoSnippet(
    name: "page", imports: ["bytes", "html/template"],
    code: #"""
      var pageTemplate = template.Must(template.New("page").Parse(
        `<h1>{{.Title}}</h1>{{if .Items}}<ul>{{range .Items}}<li>{{.}}</li>{{end}}</ul>{{else}}<p>empty</p>{{end}}`))

      // Page is rendered by RenderPage.
      type Page struct {
        Title string
        Items []string
      }

      // RenderPage renders p as escaped HTML, at most 4 KiB of it.
      func RenderPage(p Page) (string, error) {
        if p.Title == "" {
          p.Title = "untitled"
        }
        var buf bytes.Buffer
        if err := pageTemplate.Execute(&buf, p); err != nil {
          return "", err
        }
        if buf.Len() > 4096 {
          return buf.String()[:4096], nil
        }
        return buf.String(), nil
      }
      """#,
    cases: [
      GoTestCase(
        ["strings"],
        #"""
        got, err := RenderPage(Page{Title: "<b>", Items: []string{"x"}})
        if err != nil || !strings.Contains(got, "&lt;b&gt;") || !strings.Contains(got, "<li>x</li>") {
          t.Fatalf("got %q, %v", got, err)
        }
        """#),
      GoTestCase(
        #"""
        got, err := RenderPage(Page{})
        if err != nil || got != "<h1>untitled</h1><p>empty</p>" {
          t.Fatalf("got %q, %v", got, err)
        }
        """#),
      GoTestCase(
        #"""
        items := make([]string, 1000)
        for i := range items {
          items[i] = "item"
        }
        got, err := RenderPage(Page{Title: "t", Items: items})
        if err != nil || len(got) != 4096 {
          t.Fatalf("len %d, %v", len(got), err)
        }
        """#),
    ])

  static let syntax = GoSnippet(
    name: "syntax", imports: ["go/ast", "go/parser", "go/token"],
    code: #"""
      // FuncStats counts the functions and methods of a Go source file.
      func FuncStats(src string) (funcs, methods int, err error) {
        fset := token.NewFileSet()
        file, err := parser.ParseFile(fset, "input.go", src, parser.SkipObjectResolution)
        if err != nil {
          return 0, 0, err
        }
        for _, decl := range file.Decls {
          fn, ok := decl.(*ast.FuncDecl)
          if !ok {
            continue
          }
          if fn.Recv != nil {
            methods++
          } else {
            funcs++
          }
        }
        return funcs, methods, nil
      }
      """#,
    cases: [
      GoTestCase(
        #"""
        f, m, err := FuncStats("package x\ntype T int\nfunc A() {}\nfunc (T) B() {}\nvar v = 1\n")
        if err != nil || f != 1 || m != 1 {
          t.Fatalf("got %d %d %v", f, m, err)
        }
        """#),
      GoTestCase(
        #"""
        if _, _, err := FuncStats("package x\nfunc {"); err == nil {
          t.Fatal("expected a syntax error")
        }
        """#),
    ])

  static let typecheck = GoSnippet(
    name: "typecheck", imports: ["go/ast", "go/parser", "go/token", "go/types"],
    code: #"""
      // ExportedObjects type-checks a self-contained Go file and lists its exported objects.
      func ExportedObjects(src string) ([]string, error) {
        fset := token.NewFileSet()
        file, err := parser.ParseFile(fset, "input.go", src, 0)
        if err != nil {
          return nil, err
        }
        conf := types.Config{Error: func(error) {}}
        pkg, err := conf.Check(file.Name.Name, fset, []*ast.File{file}, nil)
        if err != nil {
          return nil, err
        }
        var names []string
        for _, name := range pkg.Scope().Names() {
          obj := pkg.Scope().Lookup(name)
          if !obj.Exported() {
            continue
          }
          if _, isFunc := obj.(*types.Func); isFunc {
            names = append(names, "func "+name)
          } else {
            names = append(names, name)
          }
        }
        return names, nil
      }
      """#,
    cases: [
      GoTestCase(
        ["strings"],
        #"""
        names, err := ExportedObjects("package x\nfunc A() {}\nvar B = 1\nvar c = 2\n")
        if err != nil || strings.Join(names, ",") != "func A,B" {
          t.Fatalf("got %v, %v", names, err)
        }
        """#),
      GoTestCase(
        #"""
        if _, err := ExportedObjects("package x\nvar A int = \"s\"\n"); err == nil {
          t.Fatal("expected a type error")
        }
        """#),
      GoTestCase(
        #"""
        if _, err := ExportedObjects("package"); err == nil {
          t.Fatal("expected a syntax error")
        }
        """#),
    ])

  static let pretty = GoSnippet(
    name: "pretty", imports: ["errors", "go/format", "strings"],
    code: #"""
      // FormatSource gofmt-formats src and reports whether it changed.
      func FormatSource(src string) (string, bool, error) {
        if strings.TrimSpace(src) == "" {
          return "", false, errors.New("pretty: empty source")
        }
        out, err := format.Source([]byte(src))
        if err != nil {
          return "", false, err
        }
        return string(out), string(out) != src, nil
      }
      """#,
    cases: [
      GoTestCase(
        ["strings"],
        #"""
        out, changed, err := FormatSource("package x\nfunc  A( ) { }\n")
        if err != nil || !changed || !strings.Contains(out, "func A() {}") {
          t.Fatalf("got %q %v %v", out, changed, err)
        }
        """#),
      GoTestCase(
        #"""
        if _, changed, err := FormatSource("package x\n"); err != nil || changed {
          t.Fatalf("got %v %v", changed, err)
        }
        """#),
      GoTestCase(
        #"""
        if _, _, err := FormatSource("  "); err == nil {
          t.Fatal("expected an error")
        }
        """#),
      GoTestCase(
        #"""
        if _, _, err := FormatSource("package x\nfunc {"); err == nil {
          t.Fatal("expected a syntax error")
        }
        """#),
    ])
}
