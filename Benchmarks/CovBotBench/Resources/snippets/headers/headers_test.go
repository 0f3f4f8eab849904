package snippet

import (
	"net/http/httptest"
	"strings"
	"testing"
)

func TestCase1(t *testing.T) {
	r := httptest.NewRequest("GET", "/x", nil)
	r.Header.Set("Authorization", "Bearer secret")
	out, err := DumpHeaders(r)
	if err != nil || strings.Contains(out, "secret") || !strings.Contains(out, "REDACTED") {
		t.Fatalf("got %q, %v", out, err)
	}
}

func TestCase2(t *testing.T) {
	out, err := DumpHeaders(httptest.NewRequest("GET", "/plain", nil))
	if err != nil || !strings.HasPrefix(out, "GET /plain") {
		t.Fatalf("got %q, %v", out, err)
	}
}
