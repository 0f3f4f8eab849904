package snippet

import (
	"crypto/tls"
	"testing"
)

func TestCase1(t *testing.T) {
	cfg, err := TLSConfig("", nil, false)
	if err != nil || cfg.MinVersion != tls.VersionTLS12 {
		t.Fatalf("got %+v, %v", cfg, err)
	}
}

func TestCase2(t *testing.T) {
	cfg, err := TLSConfig("1.3", nil, false)
	if err != nil || cfg.MinVersion != tls.VersionTLS13 {
		t.Fatalf("got %+v, %v", cfg, err)
	}
}

func TestCase3(t *testing.T) {
	if _, err := TLSConfig("1.0", nil, false); err == nil {
		t.Fatal("expected a version error")
	}
}

func TestCase4(t *testing.T) {
	cfg, err := TLSConfig("1.2", []string{"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"}, false)
	if err != nil || len(cfg.CipherSuites) != 1 {
		t.Fatalf("got %+v, %v", cfg, err)
	}
}

func TestCase5(t *testing.T) {
	if _, err := TLSConfig("1.2", []string{"TLS_NOPE"}, false); err == nil {
		t.Fatal("expected a suite error")
	}
}
