package snippet

import (
	"archive/tar"
	"bytes"
	"io"
	"testing"
)

func TestCase1(t *testing.T) {
	data, err := TarFiles(map[string]string{"b.txt": "bb", "a.txt": "a"})
	if err != nil {
		t.Fatal(err)
	}
	r := tar.NewReader(bytes.NewReader(data))
	var names []string
	for {
		h, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
	}
	if len(names) != 2 || names[0] != "a.txt" {
		t.Fatalf("names = %v", names)
	}
}

func TestCase2(t *testing.T) {
	if _, err := TarFiles(nil); err == nil {
		t.Fatal("expected an error")
	}
}

func TestCase3(t *testing.T) {
	if _, err := TarFiles(map[string]string{"../x": ""}); err == nil {
		t.Fatal("expected an unsafe-name error")
	}
}
