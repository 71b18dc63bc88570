package crawler

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/netra-id/netra/crawler/feeds"
)

// trafilaturaPages loads the 30 real pages of trafilatura's evaluation set
// kept in extract/testdata (gzipped as stored upstream).
func trafilaturaPages(t *testing.T) [][]byte {
	t.Helper()
	files, _ := filepath.Glob("extract/testdata/trafilatura/*.html.gz")
	sort.Strings(files)
	var out [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		page, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, page)
	}
	if len(out) < 25 {
		t.Fatalf("only %d trafilatura pages", len(out))
	}
	return out
}

// TestTrafilaturaFeedAndSitemapFixtures serves trafilatura's JSON Feed and
// gzipped sitemap fixtures (their hosts pointed at the test server) and
// real evaluation pages behind their links. The sitemap lists more URLs
// than there are pages, so some URLs serve a page already taken: the
// content hash must catch every one of them.
func TestTrafilaturaFeedAndSitemapFixtures(t *testing.T) {
	pages := trafilaturaPages(t)
	s := newSite(t)
	feedRaw, _ := os.ReadFile("feeds/testdata/feed.json")
	feedBody := bytes.ReplaceAll(feedRaw, []byte(`https:\/\/www.npr.org`), []byte(strings.ReplaceAll(s.URL, "/", `\/`)))
	gz, _ := os.ReadFile("feeds/testdata/sitemap.xml.gz")
	plain, err := feeds.Gunzip(gz, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	plain = bytes.ReplaceAll(plain, []byte("https://www.sitemaps.org"), []byte(s.URL))
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	zw.Write(plain)
	zw.Close()

	// Each linked path gets a page by its position in the feed or sitemap.
	pageOf := map[string]int{}
	assign := func(body []byte) int {
		doc, err := feeds.Parse(body)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range doc.Entries {
			if !strings.HasPrefix(e.URL, s.URL) {
				continue
			}
			p := strings.SplitN(strings.TrimPrefix(e.URL, s.URL), "?", 2)[0]
			if _, ok := pageOf[p]; !ok {
				pageOf[p] = len(pageOf) % len(pages)
				n++
			}
		}
		return n
	}
	nFeed := assign(feedBody)
	nMap := assign(plain)
	s.mux.HandleFunc("/feed.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		w.Write(feedBody)
	})
	s.mux.HandleFunc("/sitemap.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/gzip")
		w.Write(zb.Bytes())
	})
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		i, ok := pageOf[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(pages[i])
	})

	c := testCrawler(s, t.TempDir(), WithLimits(1000, 10))
	defer c.Close()
	items, st := collect(t, c, Source{Name: "npr-feed", Kind: KindFeed, URLs: []string{s.URL + "/feed.json"}})
	if nFeed < 20 || len(items) != nFeed {
		t.Errorf("feed.json: %d items from %d linked pages (stats %+v)", len(items), nFeed, st)
	}
	for _, it := range items {
		if strings.Contains(it.URL, "utm_") || it.Text == "" {
			t.Errorf("bad item %s (%d bytes of text)", it.URL, len(it.Text))
		}
	}
	items2, st2 := collect(t, c, Source{Name: "sitemaps-org", Kind: KindSitemap, URLs: []string{s.URL + "/sitemap.xml.gz"}})
	// Most pages were already taken through the feed: the sitemap's URLs
	// are new, their contents mostly not (caught by the content hash, or by
	// a page's same-site rel=canonical naming a URL already taken).
	if nMap < 80 || len(items2)+st2.Dup+st2.Seen != nMap || st2.Dup == 0 {
		t.Errorf("sitemap: %d URLs, %d items + %d duplicates + %d seen (stats %+v)", nMap, len(items2), st2.Dup, st2.Seen, st2)
	}
	if len(items)+len(items2) != len(pages) {
		t.Errorf("%d distinct pages served, %d items emitted over both sources", len(pages), len(items)+len(items2))
	}
}
