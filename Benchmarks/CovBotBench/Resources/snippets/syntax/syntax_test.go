package snippet

import (
	"testing"
)

func TestCase1(t *testing.T) {
	f, m, err := FuncStats("package x\ntype T int\nfunc A() {}\nfunc (T) B() {}\nvar v = 1\n")
	if err != nil || f != 1 || m != 1 {
		t.Fatalf("got %d %d %v", f, m, err)
	}
}

func TestCase2(t *testing.T) {
	if _, _, err := FuncStats("package x\nfunc {"); err == nil {
		t.Fatal("expected a syntax error")
	}
}
