package snippet

import (
	"bytes"
	"compress/gzip"
	"testing"
)

func TestCase1(t *testing.T) {
	in := bytes.Repeat([]byte("covbot "), 100)
	z, err := Compress(in, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Decompress(z)
	if err != nil || !bytes.Equal(in, out) {
		t.Fatalf("round trip failed: %v", err)
	}
}

func TestCase2(t *testing.T) {
	if _, err := Compress(nil, 1); err == nil {
		t.Fatal("expected an error for empty input")
	}
}

func TestCase3(t *testing.T) {
	if _, err := Compress([]byte("x"), 42); err == nil {
		t.Fatal("expected a level error")
	}
}

func TestCase4(t *testing.T) {
	if _, err := Decompress([]byte("not gzip")); err == nil {
		t.Fatal("expected a header error")
	}
}
