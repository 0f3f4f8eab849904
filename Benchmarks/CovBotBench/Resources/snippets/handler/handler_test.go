package snippet

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestCase1(t *testing.T) {
	rec := httptest.NewRecorder()
	StatusHandler(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if rec.Code != http.StatusOK || rec.Body.String() != "ok" {
		t.Fatalf("healthz: %d %q", rec.Code, rec.Body.String())
	}
}

func TestCase2(t *testing.T) {
	rec := httptest.NewRecorder()
	StatusHandler(rec, httptest.NewRequest(http.MethodGet, "/echo/hello", nil))
	if rec.Body.String() != "hello" {
		t.Fatalf("echo: %q", rec.Body.String())
	}
}

func TestCase3(t *testing.T) {
	rec := httptest.NewRecorder()
	StatusHandler(rec, httptest.NewRequest(http.MethodPost, "/echo/x", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Fatalf("echo POST: %d", rec.Code)
	}
}

func TestCase4(t *testing.T) {
	rec := httptest.NewRecorder()
	StatusHandler(rec, httptest.NewRequest(http.MethodGet, "/json?a=1&b=2", nil))
	if rec.Header().Get("Content-Type") != "application/json" || rec.Body.String() != `{"n": 2}` {
		t.Fatalf("json: %q", rec.Body.String())
	}
}

func TestCase5(t *testing.T) {
	rec := httptest.NewRecorder()
	StatusHandler(rec, httptest.NewRequest(http.MethodGet, "/missing", nil))
	if rec.Code != http.StatusNotFound {
		t.Fatalf("missing: %d", rec.Code)
	}
}
