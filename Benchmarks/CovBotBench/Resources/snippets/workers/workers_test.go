package snippet

import (
	"context"
	"errors"
	"testing"
)

func TestCase1(t *testing.T) {
	got, err := ParallelMap(context.Background(), []int{1, 2, 3}, 2, func(n int) (int, error) { return n * 2, nil })
	if err != nil || got[2] != 6 {
		t.Fatalf("got %v, %v", got, err)
	}
}

func TestCase2(t *testing.T) {
	boom := errors.New("boom")
	_, err := ParallelMap(context.Background(), []int{1, 2}, 0, func(n int) (int, error) { return 0, boom })
	if !errors.Is(err, boom) {
		t.Fatalf("got %v", err)
	}
}

func TestCase3(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ParallelMap(ctx, []int{1}, 1, func(n int) (int, error) { return n, nil }); err == nil {
		t.Fatal("expected a context error")
	}
}
