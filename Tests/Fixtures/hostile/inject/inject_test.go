package inject

import (
	"fmt"
	"testing"
)

// TestPrintsCommands prints workflow commands and a terminal escape; then fails so its output is shown.
func TestPrintsCommands(t *testing.T) {
	fmt.Println(Say())
	fmt.Println("::warning::injected-by-test")
	fmt.Println("\x1b]0;title\x07\x1b[2Jcleared")
	t.Fatal("fail so the output is reported")
}
