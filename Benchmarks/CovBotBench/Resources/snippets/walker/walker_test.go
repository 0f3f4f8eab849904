package snippet

import (
	"testing"
	"testing/fstest"
)

func TestCase1(t *testing.T) {
	fsys := fstest.MapFS{
		"a.go":           {Data: []byte("x")},
		"b/c.go":         {Data: []byte("y")},
		"b/README":       {Data: []byte("z")},
		".git/config.go": {Data: []byte("hidden")},
	}
	counts, err := CountByExt(fsys)
	if err != nil || counts[".go"] != 2 || counts["(none)"] != 1 {
		t.Fatalf("got %v, %v", counts, err)
	}
}

func TestCase2(t *testing.T) {
	if _, err := CountByExt(fstest.MapFS{}); err != nil {
		t.Fatal(err)
	}
}
