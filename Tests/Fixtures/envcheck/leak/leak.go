package leak

// Visible reports whether an environment variable reached the test process.
func Visible(value string) bool { return value != "" }
