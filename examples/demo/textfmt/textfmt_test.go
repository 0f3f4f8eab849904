package textfmt

import "testing"

func TestPadRight(t *testing.T) {
	if got := PadRight("ab", 4); got != "ab  " {
		t.Fatalf("got %q", got)
	}
	if got := PadRight("abcde", 4); got != "abcde" {
		t.Fatalf("got %q", got)
	}
}

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{{"hello", 10, "hello"}, {"hello", 3, "he…"}, {"hello", 0, ""}} {
		if got := Truncate(tc.in, tc.n); got != tc.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}
