package snippet

import (
	"testing"
)

func TestCase1(t *testing.T) {
	got, err := RenderReport(Report{Name: "api", Items: []string{"a", "b"}}, "")
	if err != nil || got != "ok API [a] [b]" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestCase2(t *testing.T) {
	got, err := RenderReport(Report{Name: "x", Failed: true}, "")
	if err != nil || got != "FAILED X" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestCase3(t *testing.T) {
	got, err := RenderReport(Report{Name: "n"}, "name={{.Name}}")
	if err != nil || got != "name=n" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestCase4(t *testing.T) {
	if _, err := RenderReport(Report{}, "{{if}}"); err == nil {
		t.Fatal("expected a parse error")
	}
}

func TestCase5(t *testing.T) {
	if _, err := RenderReport(Report{}, "{{.Missing}}"); err == nil {
		t.Fatal("expected an execution error")
	}
}
