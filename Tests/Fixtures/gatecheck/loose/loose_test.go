package loose_test

import (
	"testing"

	"example.com/gatecheck/loose"
)

func TestTwiceHalf(t *testing.T) {
	if loose.Twice(2) != 4 || loose.Half(4) != 2 {
		t.Fatal("math")
	}
}
