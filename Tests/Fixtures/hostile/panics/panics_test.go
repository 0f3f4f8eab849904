package panics

import "testing"

func TestPanics(t *testing.T) {
	Deep(40)
}
