package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/crawler/canon"
)

// testSite is a local news site of n article pages built from the real
// news texts in testdata (each made unique by a numbered closing
// sentence), listed by one sitemap. After gate article pages were served,
// further article requests wait until open is called (or the client gives
// up), so a test can stop a crawl at a known point part-way.
type testSite struct {
	URL    string
	n      int
	texts  []string
	served atomic.Int64 // article pages answered
	gate   int64
	opened chan struct{}
	once   sync.Once

	mu   sync.Mutex
	hits map[int]int // article number → requests
}

func newTestSite(t *testing.T, n, gate int) *testSite {
	t.Helper()
	f, err := os.Open(filepath.Join(corpusDir, "news-sample.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := &testSite{n: n, gate: int64(gate), opened: make(chan struct{}), hits: map[int]int{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		s.texts = append(s.texts, a.Text)
	}
	// Some pages are partisan acts, so classification has work to do.
	s.texts = append(s.texts, e2eTexts[0]+" "+e2eTexts[1], e2eTexts[4]+" "+e2eTexts[3])
	if gate <= 0 {
		s.open()
	}
	srv := httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(srv.Close)
	t.Cleanup(s.open) // let hanging handlers return before Close waits for them
	s.URL = srv.URL
	return s
}

// open lets every waiting and later article request through.
func (s *testSite) open() { s.once.Do(func() { close(s.opened) }) }

// Host is the site's ip:port, for --allow-addr.
func (s *testSite) Host() string { return strings.TrimPrefix(s.URL, "http://") }

func (s *testSite) pageURL(i int) string { return fmt.Sprintf("%s/artikel/%d.html", s.URL, i) }

// ID is the item id the crawler derives for article i.
func (s *testSite) ID(t *testing.T, i int) string {
	u, err := canon.URL(s.pageURL(i))
	if err != nil {
		t.Fatal(err)
	}
	return netra.ItemID(u, "", "")
}

// Hits returns how often each article was requested.
func (s *testSite) Hits() map[int]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[int]int, len(s.hits))
	for k, v := range s.hits {
		out[k] = v
	}
	return out
}

func (s *testSite) serve(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
	case r.URL.Path == "/sitemap.xml":
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for i := range s.n {
			fmt.Fprintf(w, "<url><loc>%s</loc></url>", s.pageURL(i))
		}
		fmt.Fprint(w, "</urlset>")
	case strings.HasPrefix(r.URL.Path, "/artikel/"):
		i, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/artikel/"), ".html"))
		if err != nil || i < 0 || i >= s.n {
			http.NotFound(w, r)
			return
		}
		if s.served.Load() >= s.gate {
			select {
			case <-s.opened:
			case <-r.Context().Done():
				return
			}
		}
		s.mu.Lock()
		s.hits[i]++
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		text := s.texts[i%len(s.texts)]
		var b strings.Builder
		title := fmt.Sprintf("Laporan daerah nomor %d", i)
		fmt.Fprintf(&b, `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>%s</title><link rel="canonical" href="%s"></head><body>`, title, s.pageURL(i))
		b.WriteString(`<nav><a href="/">Beranda</a> | <a href="/">Daerah</a></nav><article><h1>` + title + `</h1>`)
		for _, p := range strings.Split(text, "\n") {
			if strings.TrimSpace(p) != "" {
				b.WriteString("<p>" + html.EscapeString(p) + "</p>")
			}
		}
		fmt.Fprintf(&b, "<p>Laporan ini adalah laporan nomor %d dari redaksi daerah, diperbarui pada hari ke-%d.</p>", i, i*7+3)
		b.WriteString(`</article><footer>Redaksi Berita Lokal</footer></body></html>`)
		fmt.Fprint(w, b.String())
		s.served.Add(1)
	default:
		http.NotFound(w, r)
	}
}

// writeSources writes a sources file with one sitemap source for the site.
func (s *testSite) writeSources(t *testing.T, schedule string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sources.yaml")
	body := fmt.Sprintf("sources:\n  - name: situs\n    kind: sitemap\n    urls: [%s/sitemap.xml]\n", s.URL)
	if schedule != "" {
		body += fmt.Sprintf("    schedule: %q\n", schedule)
	}
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// checkAllStored checks that the store in data holds every page of the
// site exactly once (one record per page id, no other records).
func checkAllStored(t *testing.T, g *globals, s *testSite) {
	t.Helper()
	st, err := openStore(context.Background(), g, nil)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	defer st.Close()
	var missing []int
	for i := range s.n {
		if _, err := st.Get(context.Background(), s.ID(t, i)); err != nil {
			missing = append(missing, i)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d of %d pages never stored, e.g. article %d", len(missing), s.n, missing[0])
	}
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Records != s.n {
		t.Errorf("store holds %d records, want %d (one per page)", stats.Records, s.n)
	}
}
