package snippet

import (
	"math"
	"testing"
)

func TestCase1(t *testing.T) {
	s, ok := Summarize([]float64{3, 1, 2})
	if !ok || s.Median != 2 || s.Min != 1 || s.Max != 3 {
		t.Fatalf("got %+v", s)
	}
}

func TestCase2(t *testing.T) {
	s, ok := Summarize([]float64{4, 1, math.NaN(), 3, 2})
	if !ok || s.Median != 2.5 {
		t.Fatalf("got %+v", s)
	}
}

func TestCase3(t *testing.T) {
	if _, ok := Summarize([]float64{math.NaN()}); ok {
		t.Fatal("expected no summary")
	}
}
