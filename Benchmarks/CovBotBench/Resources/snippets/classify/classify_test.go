package snippet

import (
	"testing"
)

func TestCase1(t *testing.T) {
	if got := Classify("dev@example.com"); got != "email" {
		t.Fatalf("got %q", got)
	}
}

func TestCase2(t *testing.T) {
	if got := Classify("v1.2.3"); got != "semver" {
		t.Fatalf("got %q", got)
	}
}

func TestCase3(t *testing.T) {
	if got := Classify("1.2.3-rc.1"); got != "prerelease" {
		t.Fatalf("got %q", got)
	}
}

func TestCase4(t *testing.T) {
	if got := Classify("123e4567-e89b-12d3-a456-426614174000"); got != "uuid" {
		t.Fatalf("got %q", got)
	}
}

func TestCase5(t *testing.T) {
	if Classify("") != "empty" || Classify("???") != "other" {
		t.Fatal("empty or other")
	}
}
