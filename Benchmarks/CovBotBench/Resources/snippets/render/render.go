package snippet

import (
	"strings"
	"text/template"
)

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
