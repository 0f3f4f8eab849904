package good

// Add is covered.
func Add(a, b int) int { return a + b }
