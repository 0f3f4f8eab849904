package snippet

import (
	"fmt"
	"net/mail"
	"strings"
)

// ParseRecipients parses an address list, drops duplicates and rejects foreign domains.
func ParseRecipients(list, domain string) ([]string, error) {
	addrs, err := mail.ParseAddressList(list)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, a := range addrs {
		addr := strings.ToLower(a.Address)
		if seen[addr] {
			continue
		}
		if domain != "" && !strings.HasSuffix(addr, "@"+domain) {
			return nil, fmt.Errorf("mailer: %s is outside %s", addr, domain)
		}
		seen[addr] = true
		out = append(out, addr)
	}
	return out, nil
}
