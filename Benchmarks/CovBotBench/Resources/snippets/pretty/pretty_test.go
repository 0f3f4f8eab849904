package snippet

import (
	"strings"
	"testing"
)

func TestCase1(t *testing.T) {
	out, changed, err := FormatSource("package x\nfunc  A( ) { }\n")
	if err != nil || !changed || !strings.Contains(out, "func A() {}") {
		t.Fatalf("got %q %v %v", out, changed, err)
	}
}

func TestCase2(t *testing.T) {
	if _, changed, err := FormatSource("package x\n"); err != nil || changed {
		t.Fatalf("got %v %v", changed, err)
	}
}

func TestCase3(t *testing.T) {
	if _, _, err := FormatSource("  "); err == nil {
		t.Fatal("expected an error")
	}
}

func TestCase4(t *testing.T) {
	if _, _, err := FormatSource("package x\nfunc {"); err == nil {
		t.Fatal("expected a syntax error")
	}
}
