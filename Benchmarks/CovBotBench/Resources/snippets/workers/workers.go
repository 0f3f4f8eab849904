package snippet

import (
	"context"
	"sync"
)

// ParallelMap applies f to items with at most limit goroutines; the first error wins.
func ParallelMap(ctx context.Context, items []int, limit int, f func(int) (int, error)) ([]int, error) {
	if limit <= 0 {
		limit = 1
	}
	out := make([]int, len(items))
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	for i, item := range items {
		if err := ctx.Err(); err != nil {
			wg.Wait()
			return nil, err
		}
		sem <- struct{}{}
		wg.Add(1)
		go func(i, item int) {
			defer wg.Done()
			defer func() { <-sem }()
			v, err := f(item)
			mu.Lock()
			defer mu.Unlock()
			if err != nil && firstErr == nil {
				firstErr = err
			}
			out[i] = v
		}(i, item)
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	return out, nil
}
