package snippet

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestCase1(t *testing.T) {
	var buf bytes.Buffer
	log, err := NewLogger(&buf, "DEBUG")
	if err != nil {
		t.Fatal(err)
	}
	log.Debug("hello", "n", 1)
	if !strings.Contains(buf.String(), `"msg":"hello"`) {
		t.Fatalf("got %q", buf.String())
	}
}

func TestCase2(t *testing.T) {
	var buf bytes.Buffer
	log, err := NewLogger(&buf, "warn")
	if err != nil {
		t.Fatal(err)
	}
	log.Info("hidden")
	if buf.Len() != 0 {
		t.Fatalf("got %q", buf.String())
	}
}

func TestCase3(t *testing.T) {
	if _, err := NewLogger(io.Discard, "loud"); err == nil {
		t.Fatal("expected a level error")
	}
}
