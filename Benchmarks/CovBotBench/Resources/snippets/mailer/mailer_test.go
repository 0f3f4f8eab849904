package snippet

import (
	"testing"
)

func TestCase1(t *testing.T) {
	got, err := ParseRecipients("Ann <ann@x.org>, ANN@x.org, bob@x.org", "x.org")
	if err != nil || len(got) != 2 {
		t.Fatalf("got %v, %v", got, err)
	}
}

func TestCase2(t *testing.T) {
	if _, err := ParseRecipients("eve@y.org", "x.org"); err == nil {
		t.Fatal("expected a domain error")
	}
}

func TestCase3(t *testing.T) {
	if _, err := ParseRecipients("not an address", ""); err == nil {
		t.Fatal("expected a parse error")
	}
}
