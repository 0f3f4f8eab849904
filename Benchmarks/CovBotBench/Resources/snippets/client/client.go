package snippet

import (
	"fmt"
	"io"
	"net/http"
	"time"
)

// FetchStatus GETs url and classifies the answer.
func FetchStatus(client *http.Client, url string) (string, error) {
	if client == nil {
		client = &http.Client{Timeout: 5 * time.Second}
	}
	resp, err := client.Get(url)
	if err != nil {
		return "", fmt.Errorf("fetch %s: %w", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	switch {
	case resp.StatusCode >= 500:
		return "server-error", nil
	case resp.StatusCode >= 400:
		return "client-error", nil
	case len(body) == 0:
		return "empty", nil
	}
	return "ok:" + string(body), nil
}
