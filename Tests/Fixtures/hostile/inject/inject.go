package inject

// Say is covered.
func Say() string { return "hi" }
