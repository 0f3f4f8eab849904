package slow

import (
	"os/signal"
	"syscall"
	"testing"
	"time"
)

// TestHang never finishes on its own and ignores SIGTERM, like a wedged integration test.
func TestHang(t *testing.T) {
	signal.Ignore(syscall.SIGTERM)
	Wait()
	time.Sleep(10 * time.Minute)
}
