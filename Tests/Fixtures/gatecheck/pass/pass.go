package pass

// Kind classifies n; the negative branch is left untested on purpose.
func Kind(n int) string {
	if n > 0 {
		return "positive"
	}
	if n < 0 {
		return "negative"
	}
	return "zero"
}
