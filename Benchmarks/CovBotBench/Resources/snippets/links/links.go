package snippet

import (
	"fmt"
	"net/url"
	"strings"
)

// NormalizeURL lower-cases the host, drops default ports and fragments, and sorts the query.
func NormalizeURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("links: unsupported scheme %q", u.Scheme)
	}
	host := strings.ToLower(u.Hostname())
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.Fragment = ""
	u.RawQuery = u.Query().Encode()
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String(), nil
}
