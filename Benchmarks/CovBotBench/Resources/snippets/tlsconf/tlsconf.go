package snippet

import (
	"crypto/tls"
	"fmt"
)

// TLSConfig builds a client TLS configuration from options.
func TLSConfig(minVersion string, suites []string, insecure bool) (*tls.Config, error) {
	cfg := &tls.Config{InsecureSkipVerify: insecure}
	switch minVersion {
	case "", "1.2":
		cfg.MinVersion = tls.VersionTLS12
	case "1.3":
		cfg.MinVersion = tls.VersionTLS13
	default:
		return nil, fmt.Errorf("tls: unsupported minimum version %q", minVersion)
	}
	for _, name := range suites {
		found := false
		for _, s := range tls.CipherSuites() {
			if s.Name == name {
				cfg.CipherSuites = append(cfg.CipherSuites, s.ID)
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("tls: unknown cipher suite %q", name)
		}
	}
	return cfg, nil
}
