package snippet

import (
	"errors"
	"strings"
	"testing"
)

func TestCase1(t *testing.T) {
	c, err := ParseConfig([]byte(`{"name":"api","port":8080,"tags":["a"]}`))
	if err != nil || c.Name != "api" || c.Port != 8080 {
		t.Fatalf("got %+v, %v", c, err)
	}
}

func TestCase2(t *testing.T) {
	if _, err := ParseConfig([]byte(`{"port":1}`)); !errors.Is(err, ErrNoName) {
		t.Fatalf("got %v", err)
	}
}

func TestCase3(t *testing.T) {
	if _, err := ParseConfig([]byte(`{"name":`)); err == nil {
		t.Fatal("expected a syntax error")
	}
}

func TestCase4(t *testing.T) {
	if _, err := ParseConfig([]byte(`{"name":"x","port":70000}`)); err == nil {
		t.Fatal("expected a range error")
	}
}

func TestCase5(t *testing.T) {
	out, err := EncodeConfig(Config{Name: "n", Port: 1})
	if err != nil || !strings.Contains(out, `"name": "n"`) {
		t.Fatalf("got %q, %v", out, err)
	}
}
