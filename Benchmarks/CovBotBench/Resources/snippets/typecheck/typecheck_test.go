package snippet

import (
	"strings"
	"testing"
)

func TestCase1(t *testing.T) {
	names, err := ExportedObjects("package x\nfunc A() {}\nvar B = 1\nvar c = 2\n")
	if err != nil || strings.Join(names, ",") != "func A,B" {
		t.Fatalf("got %v, %v", names, err)
	}
}

func TestCase2(t *testing.T) {
	if _, err := ExportedObjects("package x\nvar A int = \"s\"\n"); err == nil {
		t.Fatal("expected a type error")
	}
}

func TestCase3(t *testing.T) {
	if _, err := ExportedObjects("package"); err == nil {
		t.Fatal("expected a syntax error")
	}
}
