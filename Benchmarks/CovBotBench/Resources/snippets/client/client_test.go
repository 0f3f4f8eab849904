package snippet

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestCase1(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("x"))
	}))
	defer srv.Close()
	got, err := FetchStatus(nil, srv.URL)
	if err != nil || got != "ok:x" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestCase2(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
	}))
	defer srv.Close()
	if got, _ := FetchStatus(srv.Client(), srv.URL); got != "server-error" {
		t.Fatalf("got %q", got)
	}
}

func TestCase3(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	if got, _ := FetchStatus(srv.Client(), srv.URL); got != "client-error" {
		t.Fatalf("got %q", got)
	}
}

func TestCase4(t *testing.T) {
	if _, err := FetchStatus(nil, "http://127.0.0.1:1/"); err == nil {
		t.Fatal("expected a connection error")
	}
}
