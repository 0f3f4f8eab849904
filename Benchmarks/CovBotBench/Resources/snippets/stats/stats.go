package snippet

import (
	"math"
	"slices"
)

// Summary holds basic statistics.
type Summary struct {
	Min, Max, Mean, Median float64
}

// Summarize computes statistics of values, ignoring NaNs; false when nothing is left.
func Summarize(values []float64) (Summary, bool) {
	clean := make([]float64, 0, len(values))
	for _, v := range values {
		if math.IsNaN(v) {
			continue
		}
		clean = append(clean, v)
	}
	if len(clean) == 0 {
		return Summary{}, false
	}
	slices.Sort(clean)
	var sum float64
	for _, v := range clean {
		sum += v
	}
	s := Summary{Min: clean[0], Max: clean[len(clean)-1], Mean: sum / float64(len(clean))}
	if n := len(clean); n%2 == 1 {
		s.Median = clean[n/2]
	} else {
		s.Median = (clean[n/2-1] + clean[n/2]) / 2
	}
	return s, true
}
