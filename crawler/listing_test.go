package crawler

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netra-id/netra/crawler/canon"
	"github.com/netra-id/netra/crawler/feeds"
	"github.com/netra-id/netra/crawler/fetch"
)

// TestAnpanduIndexPages checks link discovery on the saved index pages of
// the anpandu fixtures against their expected first three article URLs:
// six HTML listings with the CSS selectors a sources file would use, and
// four RSS feeds. Relative links resolve against the test URL, so URLs are
// compared by path and query.
func TestAnpanduIndexPages(t *testing.T) {
	root := "extract/testdata/anpandu"
	raw, err := os.ReadFile(filepath.Join(root, "expected_extractions.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string][]struct {
		Fixture  string `json:"fixture"`
		Function string `json:"function"`
		Expected struct {
			URLs map[string]string `json:"urls_by_index"`
		} `json:"expected"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	selectors := map[string]string{
		"Kompas":       "div.tleft h3 a",
		"Tempo":        "ul.list-terkini div.box-gambar a",
		"Okezone":      "div.wp-thumb-news a",
		"Liputan6":     "article.articles--rows--item figure",
		"Viva":         "ul.indexlist > li > a",
		"TempoEnglish": "ul.indeks-list h2 a",
	}
	pathOf := func(u string) string {
		c, err := canon.URL(u)
		if err != nil {
			return u
		}
		pu, _ := url.Parse(c)
		return pu.RequestURI()
	}
	checked := 0
	for site, list := range m {
		for _, e := range list {
			if e.Function != "getURLsFromMainPage" {
				continue
			}
			body, err := os.ReadFile(filepath.Join(root, strings.TrimPrefix(e.Fixture, "html/")))
			if err != nil {
				t.Fatal(err)
			}
			body, _ = fetch.Decode(body, "")
			var got []string
			if sel, ok := selectors[site]; ok {
				page, _ := url.Parse("http://127.0.0.1:8080/" + strings.ToLower(site) + "/indeks")
				links, _, err := listingLinks(body, page, sel, "")
				if err != nil {
					t.Fatal(err)
				}
				seen := map[string]bool{}
				for _, l := range links {
					if !seen[l.url] {
						seen[l.url] = true
						got = append(got, l.url)
					}
				}
			} else {
				doc, err := feeds.Parse(body)
				if err != nil {
					t.Errorf("%s: %v", site, err)
					continue
				}
				for _, en := range doc.Entries {
					got = append(got, en.URL)
				}
			}
			for i, k := range []string{"0", "1", "2"} {
				want := e.Expected.URLs[k]
				checked++
				if i >= len(got) {
					t.Errorf("%s: only %d links, want %s at %d", site, len(got), want, i)
					continue
				}
				if pathOf(got[i]) != pathOf(want) {
					t.Errorf("%s[%d] = %s, want %s", site, i, got[i], want)
				}
			}
		}
	}
	if checked != 30 {
		t.Errorf("checked %d expectations, want 30", checked)
	}
}
