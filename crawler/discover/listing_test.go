package discover

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSuggestListingRealPages runs the selector suggestion on the saved
// home/index pages of the anpandu fixtures (real Indonesian news sites)
// and checks that the suggested selector picks the first article links
// that project's own tests expect from each page.
func TestSuggestListingRealPages(t *testing.T) {
	root := "../extract/testdata/anpandu"
	raw, err := os.ReadFile(filepath.Join(root, "expected_extractions.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string][]struct {
		Fixture  string `json:"fixture"`
		Function string `json:"function"`
		Expected struct {
			URL  string            `json:"url"`
			URLs map[string]string `json:"urls_by_index"`
		} `json:"expected"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for site, list := range m {
		for _, e := range list {
			if e.Function != "getURLsFromMainPage" || !strings.HasSuffix(e.Fixture, ".html") {
				continue
			}
			body, err := os.ReadFile(filepath.Join(root, strings.TrimPrefix(e.Fixture, "html/")))
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(strings.TrimSpace(string(body)), "<?xml") {
				continue // the RSS "main pages"
			}
			pageURL := e.Expected.URL
			if pageURL == "" {
				for _, u := range e.Expected.URLs {
					pu, _ := url.Parse(u)
					pageURL = pu.Scheme + "://" + pu.Host + "/"
					break
				}
			}
			f, ok := SuggestListing(body, pageURL)
			if !ok {
				t.Errorf("%s: no listing selector suggested", site)
				continue
			}
			checked++
			links := allLinks(t, body, pageURL, f.Selector)
			for i, want := range e.Expected.URLs {
				if !links[strings.TrimSuffix(want, "/")] {
					t.Errorf("%s: selector %q (%d links) misses expected link %s %s", site, f.Selector, f.Entries, i, want)
				}
			}
			t.Logf("%s: %q picks %d links", site, f.Selector, f.Entries)
		}
	}
	if checked < 5 {
		t.Errorf("only %d HTML main pages checked", checked)
	}
}

func FuzzSuggestListing(f *testing.F) {
	f.Add([]byte(`<ul class="x"><li><a href="/a/satu-dua-tiga">1</a></li><li><a href="/a/empat-lima-enam">2</a></li></ul>`), "http://contoh.id/")
	f.Fuzz(func(t *testing.T, page []byte, u string) {
		fd, ok := SuggestListing(page, u)
		if ok && (fd.Selector == "" || fd.Entries < minListingLinks) {
			t.Errorf("suggestion without selector or links: %+v", fd)
		}
	})
}

func TestArticlePath(t *testing.T) {
	for p, want := range map[string]bool{
		"/read/2016/02/16/14382361/Menteri.Yuddy": true,
		"/berita/camat-ajak-warga-pilih":          true,
		"/tag/pilkada-serentak-2024":              false,
		"/kategori/daerah":                        false,
		"/":                                       false,
		"/daerah":                                 false,
		"/indeks?page=2":                          false,
	} {
		if got := ArticlePath(p); got != want {
			t.Errorf("ArticlePath(%q) = %v", p, got)
		}
	}
}
