package quick

import "testing"

func TestYes(t *testing.T) {
	if !Yes() {
		t.Fatal("Yes")
	}
}
