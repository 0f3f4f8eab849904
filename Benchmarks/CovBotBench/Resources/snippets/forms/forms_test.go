package snippet

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"strings"
	"testing"
)

func TestCase1(t *testing.T) {
	body, ct, err := BuildForm(map[string]string{"b": "2", "a": "1"}, "", nil)
	if err != nil || !strings.HasPrefix(ct, "multipart/form-data") || len(body) == 0 {
		t.Fatalf("got %q, %v", ct, err)
	}
}

func TestCase2(t *testing.T) {
	body, ct, err := BuildForm(map[string]string{"k": "v"}, "a.txt", []byte("data"))
	if err != nil {
		t.Fatal(err)
	}
	_, params, err := mime.ParseMediaType(ct)
	if err != nil {
		t.Fatal(err)
	}
	r := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	parts := 0
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		parts++
		_ = p.Close()
	}
	if parts != 2 {
		t.Fatalf("parts = %d", parts)
	}
}
