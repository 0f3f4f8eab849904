package snippet

import (
	"testing"
)

func TestCase1(t *testing.T) {
	got, err := NormalizeURL("http://Example.COM:80/a?b=2&a=1#frag")
	if err != nil || got != "http://example.com/a?a=1&b=2" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestCase2(t *testing.T) {
	if _, err := NormalizeURL("ftp://example.com/"); err == nil {
		t.Fatal("expected an error for ftp")
	}
}

func TestCase3(t *testing.T) {
	got, err := NormalizeURL("https://h:8443")
	if err != nil || got != "https://h:8443/" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestCase4(t *testing.T) {
	if _, err := NormalizeURL("http://[::1"); err == nil {
		t.Fatal("expected a parse error")
	}
}
