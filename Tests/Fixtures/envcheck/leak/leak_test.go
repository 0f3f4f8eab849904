package leak

import (
	"os"
	"testing"
)

// Code under test must never see the token covbot publishes with.
func TestNoTokenInEnvironment(t *testing.T) {
	for _, name := range []string{"GITHUB_TOKEN", "GH_TOKEN", "GH_ENTERPRISE_TOKEN", "GITHUB_ENTERPRISE_TOKEN", "MY_COVBOT_TOKEN"} {
		if Visible(os.Getenv(name)) {
			t.Errorf("%s reached go test", name)
		}
	}
}
