package testfail

import "testing"

func TestOne(t *testing.T) {
	if One() != 1 {
		t.Fatal("One")
	}
}

func TestBroken(t *testing.T) {
	t.Run("inner", func(t *testing.T) {
		t.Errorf("\x1b[31mboom\x1b[0m: want 2, got %d ]]> <tag>", One())
	})
}
