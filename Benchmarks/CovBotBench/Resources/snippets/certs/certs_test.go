package snippet

import (
	"testing"
	"time"
)

func TestCase1(t *testing.T) {
	cert, err := SelfSigned("example.test", 30)
	if err != nil || cert.Subject.CommonName != "example.test" {
		t.Fatalf("got %v, %v", cert, err)
	}
	if err := cert.VerifyHostname("example.test"); err != nil {
		t.Fatal(err)
	}
}

func TestCase2(t *testing.T) {
	if _, err := SelfSigned("", 1); err == nil {
		t.Fatal("expected an error")
	}
}

func TestCase3(t *testing.T) {
	cert, err := SelfSigned("h", 0)
	if err != nil || !cert.NotAfter.After(time.Now()) {
		t.Fatalf("got %v, %v", cert, err)
	}
}
