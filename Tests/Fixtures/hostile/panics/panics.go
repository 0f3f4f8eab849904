package panics

// Deep recurses so the panic's stack is long.
func Deep(n int) int {
	if n == 0 {
		panic("boom: the value that matters")
	}
	return Deep(n-1) + 1
}
