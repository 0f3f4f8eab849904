package buildfail

import "testing"

func TestTwo(t *testing.T) {
	var s string = Two()
	_ = s
}
