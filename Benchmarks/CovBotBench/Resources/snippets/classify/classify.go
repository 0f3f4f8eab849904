package snippet

import (
	"regexp"
)

var (
	emailPattern  = regexp.MustCompile(`^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$`)
	semverPattern = regexp.MustCompile(`^v?(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$`)
	uuidPattern   = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
)

// Classify says what kind of identifier s looks like.
func Classify(s string) string {
	switch {
	case s == "":
		return "empty"
	case emailPattern.MatchString(s):
		return "email"
	case semverPattern.MatchString(s):
		if m := semverPattern.FindStringSubmatch(s); m[4] != "" {
			return "prerelease"
		}
		return "semver"
	case uuidPattern.MatchString(s):
		return "uuid"
	}
	return "other"
}
