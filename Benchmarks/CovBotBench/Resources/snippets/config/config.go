package snippet

import (
	"encoding/json"
	"errors"
	"fmt"
)

// Config is a service configuration.
type Config struct {
	Name    string   `json:"name"`
	Port    int      `json:"port"`
	Tags    []string `json:"tags,omitempty"`
	Verbose bool     `json:"verbose"`
}

// ErrNoName reports a configuration without a name.
var ErrNoName = errors.New("config: name is required")

// ParseConfig decodes and validates a configuration.
func ParseConfig(data []byte) (Config, error) {
	var c Config
	if err := json.Unmarshal(data, &c); err != nil {
		return Config{}, fmt.Errorf("config: %w", err)
	}
	if c.Name == "" {
		return Config{}, ErrNoName
	}
	if c.Port <= 0 || c.Port > 65535 {
		return Config{}, fmt.Errorf("config: port %d out of range", c.Port)
	}
	if len(c.Tags) > 8 {
		c.Tags = c.Tags[:8]
	}
	return c, nil
}

// EncodeConfig encodes c with stable indentation.
func EncodeConfig(c Config) (string, error) {
	out, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return "", err
	}
	return string(out), nil
}
