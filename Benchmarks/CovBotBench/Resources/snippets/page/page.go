package snippet

import (
	"bytes"
	"html/template"
)

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
