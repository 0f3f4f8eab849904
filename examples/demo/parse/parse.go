// Package parse reads key=value lines. Half of it is untested: FAIL against its 85% floor.
package parse

import (
	"errors"
	"strings"
)

// ErrNoEquals is returned for a line without '='.
var ErrNoEquals = errors.New("parse: missing '='")

// Pair splits "key=value".
func Pair(line string) (string, string, error) {
	key, value, ok := strings.Cut(line, "=")
	if !ok {
		return "", "", ErrNoEquals
	}
	return strings.TrimSpace(key), strings.TrimSpace(value), nil
}

// Lines parses every non-empty, non-comment line.
func Lines(text string) (map[string]string, error) {
	out := map[string]string{}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, err := Pair(line)
		if err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, nil
}

// Bool parses a boolean value the way config files spell it.
func Bool(value string) (bool, error) {
	switch strings.ToLower(value) {
	case "1", "true", "yes", "on":
		return true, nil
	case "0", "false", "no", "off":
		return false, nil
	}
	return false, errors.New("parse: not a boolean: " + value)
}
