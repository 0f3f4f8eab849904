package mainexit

// Half is covered by the passing test only.
func Half(x int) int {
	if x > 0 {
		return x
	}
	return -x
}
