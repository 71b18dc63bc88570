package demo

import (
	"testing"
	"unicode/utf8"
)

func TestItems(t *testing.T) {
	items, err := Items()
	if err != nil {
		t.Fatal(err)
	}
	if len(items) < 50 {
		t.Fatalf("%d demo items, want at least 50", len(items))
	}
	seen := map[string]bool{}
	news := 0
	for i, it := range items {
		if seen[it.ID] {
			t.Errorf("item %d: duplicate ID %s", i, it.ID)
		}
		seen[it.ID] = true
		if !utf8.ValidString(it.Text) || it.Meta["licence"] == "" || it.Meta["origin_id"] == "" {
			t.Errorf("item %d: invalid text or missing licence/origin", i)
		}
		switch it.Meta["licence"] {
		case "MIT", "Apache-2.0", "CC BY 4.0":
		default:
			t.Errorf("item %d: licence %q may not be bundled", i, it.Meta["licence"])
		}
		if it.Kind == "news" {
			news++
			if it.URL == "" || it.Meta["dataset"] == "" {
				t.Errorf("item %d: news without URL or attribution", i)
			}
		}
	}
	if news == 0 {
		t.Error("no news articles in the demo")
	}
}
