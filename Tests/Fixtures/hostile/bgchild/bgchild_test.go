package bgchild

import (
	"os"
	"os/exec"
	"testing"
)

// TestLeavesAChild starts a process that outlives the test binary unless someone stops it.
func TestLeavesAChild(t *testing.T) {
	cmd := exec.Command("sleep", "300")
	cmd.Dir, _ = os.Getwd()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if !Ready() {
		t.Fatal("not ready")
	}
}
