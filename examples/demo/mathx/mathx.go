// Package mathx has small integer helpers. Its tests cover most of it: PASS.
package mathx

// Clamp limits v to [lo, hi].
func Clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// Abs returns |v|.
func Abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// Sign returns -1, 0 or 1.
func Sign(v int) int {
	switch {
	case v < 0:
		return -1
	case v > 0:
		return 1
	}
	return 0
}
