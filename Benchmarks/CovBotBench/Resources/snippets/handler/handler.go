package snippet

import (
	"fmt"
	"net/http"
	"strings"
)

// StatusHandler answers health, echo and JSON requests.
func StatusHandler(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/healthz":
		w.WriteHeader(http.StatusOK)
		fmt.Fprint(w, "ok")
	case strings.HasPrefix(r.URL.Path, "/echo/"):
		if r.Method != http.MethodGet {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		fmt.Fprint(w, strings.TrimPrefix(r.URL.Path, "/echo/"))
	case r.URL.Path == "/json":
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, "{%q: %d}", "n", len(r.URL.Query()))
	default:
		http.NotFound(w, r)
	}
}
