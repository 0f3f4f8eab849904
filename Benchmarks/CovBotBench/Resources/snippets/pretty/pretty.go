package snippet

import (
	"errors"
	"go/format"
	"strings"
)

// FormatSource gofmt-formats src and reports whether it changed.
func FormatSource(src string) (string, bool, error) {
	if strings.TrimSpace(src) == "" {
		return "", false, errors.New("pretty: empty source")
	}
	out, err := format.Source([]byte(src))
	if err != nil {
		return "", false, err
	}
	return string(out), string(out) != src, nil
}
