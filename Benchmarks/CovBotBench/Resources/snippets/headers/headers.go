package snippet

import (
	"net/http"
	"net/http/httputil"
)

// DumpHeaders dumps a request's headers (no body), with secrets redacted.
func DumpHeaders(r *http.Request) (string, error) {
	clone := r.Clone(r.Context())
	for _, h := range []string{"Authorization", "Cookie"} {
		if clone.Header.Get(h) != "" {
			clone.Header.Set(h, "REDACTED")
		}
	}
	out, err := httputil.DumpRequest(clone, false)
	if err != nil {
		return "", err
	}
	return string(out), nil
}
