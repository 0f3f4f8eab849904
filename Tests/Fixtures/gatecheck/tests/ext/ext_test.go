package ext_test

import (
	"testing"

	"example.com/gatecheck/src/ext"
)

func TestGreet(t *testing.T) {
	if ext.Greet("go") != "hello, go" {
		t.Fatal("Greet")
	}
}
