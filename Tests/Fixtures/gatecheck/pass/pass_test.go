package pass

import "testing"

func TestKind(t *testing.T) {
	if Kind(1) != "positive" || Kind(0) != "zero" {
		t.Fatal("Kind")
	}
}
