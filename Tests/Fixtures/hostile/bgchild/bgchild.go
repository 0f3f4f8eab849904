package bgchild

// Ready is covered.
func Ready() bool { return true }
