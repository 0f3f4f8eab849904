package parse

import "testing"

func TestPair(t *testing.T) {
	k, v, err := Pair(" a = b ")
	if err != nil || k != "a" || v != "b" {
		t.Fatalf("Pair = %q, %q, %v", k, v, err)
	}
}
