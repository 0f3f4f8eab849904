package snippet

import (
	"testing"
)

func TestCase1(t *testing.T) {
	if got, err := SumColumn("a,b\n1,2\n3,4.5\n", 1); err != nil || got != 6.5 {
		t.Fatalf("got %v, %v", got, err)
	}
}

func TestCase2(t *testing.T) {
	if got, err := SumColumn("a,b\n", 0); err != nil || got != 0 {
		t.Fatalf("got %v, %v", got, err)
	}
}

func TestCase3(t *testing.T) {
	if _, err := SumColumn("a,b\n1,2\n", 5); err == nil {
		t.Fatal("expected a column error")
	}
}

func TestCase4(t *testing.T) {
	if _, err := SumColumn("a,b\n1,x\n", 1); err == nil {
		t.Fatal("expected a number error")
	}
}

func TestCase5(t *testing.T) {
	if _, err := SumColumn("a,b\n1\n", 0); err == nil {
		t.Fatal("expected a field-count error")
	}
}
