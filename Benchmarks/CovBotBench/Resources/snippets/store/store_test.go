package snippet

import (
	"database/sql"
	"testing"
)

func TestCase1(t *testing.T) {
	if got := NullableName(sql.NullString{String: "ann", Valid: true}, "-"); got != "ann" {
		t.Fatalf("got %q", got)
	}
	if got := NullableName(sql.NullString{}, "-"); got != "-" {
		t.Fatalf("got %q", got)
	}
}

func TestCase2(t *testing.T) {
	if got, err := ScanAge(int64(42)); err != nil || got != 42 {
		t.Fatalf("got %d, %v", got, err)
	}
	if got, err := ScanAge(nil); err != nil || got != -1 {
		t.Fatalf("got %d, %v", got, err)
	}
}

func TestCase3(t *testing.T) {
	if _, err := ScanAge(int64(-3)); err == nil {
		t.Fatal("expected a negative-age error")
	}
	if _, err := ScanAge("x"); err == nil {
		t.Fatal("expected a conversion error")
	}
}

func TestCase4(t *testing.T) {
	v, err := ValueOf(sql.NullInt64{Int64: 5, Valid: true})
	if err != nil || v != int64(5) {
		t.Fatalf("got %v, %v", v, err)
	}
}

func TestCase5(t *testing.T) {
	if Placeholders(3) != "?,?,?" || Placeholders(0) != "" {
		t.Fatal("placeholders")
	}
}
