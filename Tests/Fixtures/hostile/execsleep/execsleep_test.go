package execsleep

import (
	"os/exec"
	"syscall"
	"testing"
)

// TestExecs replaces the test binary with sleep: go's own -timeout lives in the binary and is gone.
func TestExecs(t *testing.T) {
	Run()
	path, err := exec.LookPath("sleep")
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Exec(path, []string{"sleep", "300"}, nil); err != nil {
		t.Fatal(err)
	}
}
