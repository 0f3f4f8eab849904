package ext

// Greet is tested from tests/ext, covgate's separate test tree.
func Greet(name string) string {
	if name == "" {
		return "hello, stranger"
	}
	return "hello, " + name
}
