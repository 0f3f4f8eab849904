package snippet

import (
	"encoding/base64"
	"testing"
)

func TestCase1(t *testing.T) {
	s, err := EncodeFrame(7, []byte("hello"))
	if err != nil {
		t.Fatal(err)
	}
	kind, payload, err := DecodeFrame(s)
	if err != nil || kind != 7 || string(payload) != "hello" {
		t.Fatalf("got %d %q %v", kind, payload, err)
	}
}

func TestCase2(t *testing.T) {
	if _, err := EncodeFrame(1, make([]byte, 2<<20)); err == nil {
		t.Fatal("expected a size error")
	}
}

func TestCase3(t *testing.T) {
	if _, _, err := DecodeFrame("!!"); err == nil {
		t.Fatal("expected a base64 error")
	}
}

func TestCase4(t *testing.T) {
	if _, _, err := DecodeFrame(base64.StdEncoding.EncodeToString([]byte{1, 0})); err == nil {
		t.Fatal("expected a short frame")
	}
}
