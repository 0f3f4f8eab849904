package snippet

import (
	"testing"
)

func TestCase1(t *testing.T) {
	doc := `<feed><title>T</title><entry id="1"><title>a</title></entry>` +
		`<entry><title>b</title></entry></feed>`
	f, dropped, err := ParseFeed([]byte(doc))
	if err != nil || f.Title != "T" || len(f.Entries) != 1 || dropped != 1 {
		t.Fatalf("got %+v %d %v", f, dropped, err)
	}
}

func TestCase2(t *testing.T) {
	if _, _, err := ParseFeed([]byte(`<feed><title>`)); err == nil {
		t.Fatal("expected an XML error")
	}
}
