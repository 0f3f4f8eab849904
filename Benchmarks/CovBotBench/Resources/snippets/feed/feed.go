package snippet

import (
	"encoding/xml"
)

// Feed is a minimal Atom-like document.
type Feed struct {
	XMLName xml.Name   `xml:"feed"`
	Title   string     `xml:"title"`
	Entries []FeedItem `xml:"entry"`
}

// FeedItem is one entry of a Feed.
type FeedItem struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title"`
}

// ParseFeed decodes a feed and drops entries without an ID.
func ParseFeed(data []byte) (Feed, int, error) {
	var f Feed
	if err := xml.Unmarshal(data, &f); err != nil {
		return Feed{}, 0, err
	}
	kept := f.Entries[:0]
	dropped := 0
	for _, e := range f.Entries {
		if e.ID == "" {
			dropped++
			continue
		}
		kept = append(kept, e)
	}
	f.Entries = kept
	return f, dropped, nil
}
