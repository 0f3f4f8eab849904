package snippet

import (
	"strings"
	"testing"
)

func TestCase1(t *testing.T) {
	got, err := RenderPage(Page{Title: "<b>", Items: []string{"x"}})
	if err != nil || !strings.Contains(got, "&lt;b&gt;") || !strings.Contains(got, "<li>x</li>") {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestCase2(t *testing.T) {
	got, err := RenderPage(Page{})
	if err != nil || got != "<h1>untitled</h1><p>empty</p>" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestCase3(t *testing.T) {
	items := make([]string, 1000)
	for i := range items {
		items[i] = "item"
	}
	got, err := RenderPage(Page{Title: "t", Items: items})
	if err != nil || len(got) != 4096 {
		t.Fatalf("len %d, %v", len(got), err)
	}
}
