package snippet

import (
	"strings"
	"testing"
)

func TestCase1(t *testing.T) {
	sig := Sign([]byte("k"), []byte("m"))
	if !Verify([]byte("k"), []byte("m"), sig) {
		t.Fatal("signature did not verify")
	}
}

func TestCase2(t *testing.T) {
	if Verify([]byte("k"), []byte("m"), "abc") {
		t.Fatal("short signature verified")
	}
}

func TestCase3(t *testing.T) {
	if Verify([]byte("k"), []byte("m"), strings.Repeat("zz", 32)) {
		t.Fatal("non-hex signature verified")
	}
}

func TestCase4(t *testing.T) {
	if Verify([]byte("other"), []byte("m"), Sign([]byte("k"), []byte("m"))) {
		t.Fatal("wrong key verified")
	}
}
