package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

const anpandu = "../../crawler/extract/testdata/anpandu/"

// localSite serves saved pages of a real site from 127.0.0.1, its links
// rewritten to the local server, and counts requests per path.
type localSite struct {
	*httptest.Server
	mu    sync.Mutex
	hits  map[string]int
	pages map[string][]byte // path → body; everything else is 404
	types map[string]string
}

func newLocalSite(t *testing.T) *localSite {
	s := &localSite{hits: map[string]int{}, pages: map[string][]byte{}, types: map[string]string{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		body, ok := s.pages[r.URL.Path]
		ct := s.types[r.URL.Path]
		s.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		if ct == "" {
			ct = "text/html; charset=utf-8"
		}
		w.Header().Set("Content-Type", ct)
		w.Write(body)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *localSite) serve(path, ct string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path], s.types[path] = body, ct
}

func (s *localSite) hit(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *localSite) addr() string { return strings.TrimPrefix(s.URL, "http://") }

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(anpandu + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// localize points a saved page's links at the local site.
func localize(body []byte, hosts string, site *localSite) []byte {
	return regexp.MustCompile(`https?://`+hosts).ReplaceAll(body, []byte(site.URL))
}

func pathOf(t *testing.T, raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.EscapedPath()
}

// TestSourcesDiscoverAndCrawl discovers three local copies of real
// Indonesian news sites — one that links its RSS feed (okezone's home page
// pointing to antara's saved feed), one with only a news sitemap named in
// robots.txt (liputan6's home page, whose links lead elsewhere), one with
// only a listing page (kompas's home page) — writes a sources file, and
// crawls that file into the embedded store.
func TestSourcesDiscoverAndCrawl(t *testing.T) {
	// Site A: feed via <link rel="alternate">.
	a := newLocalSite(t)
	a.serve("/", "", localize(readFixture(t, "okezone/okezone-mainpage.html"), `sindikasi\.okezone\.com`, a))
	feed := localize(readFixture(t, "antara/antara-mainpage.html"), `www\.antaranews\.com`, a)
	a.serve("/index.php/rss/0/RSS2.0", "application/rss+xml", feed)
	var feedLinks []string
	for _, m := range regexp.MustCompile(`<link>([^<]+/berita/[^<]+)</link>`).FindAllSubmatch(feed, -1) {
		feedLinks = append(feedLinks, pathOf(t, string(m[1])))
	}
	if len(feedLinks) < 5 {
		t.Fatalf("feed has %d article links", len(feedLinks))
	}
	for i := range 5 {
		a.serve(feedLinks[i], "", readFixture(t, fmt.Sprintf("antara/antara-singlepage%s.html", suffix(i))))
	}

	// Site B: a news sitemap named in robots.txt; the home page has no
	// feed and no links of its own site.
	b := newLocalSite(t)
	b.serve("/", "", readFixture(t, "liputan6/liputan6-mainpage.html"))
	b.serve("/robots.txt", "text/plain", []byte("User-agent: *\nDisallow: /admin/\nSitemap: "+b.URL+"/sitemap-berita.xml\n"))
	var sm bytes.Buffer
	sm.WriteString(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`)
	for i, u := range []string{
		"http://tekno.liputan6.com/read/2436773/tri-indonesia-broadband-dorong-ekosistem-digital-dalam-negeri",
		"http://showbiz.liputan6.com/read/2437019/london-love-story-tembus-800-ribu-penonton-ini-rahasianya",
		"http://photo.liputan6.com/musik/hadiri-grammy-awards-2016-taylor-swift-dan-selena-gomez-peluk-pelukan-2437247",
	} {
		p := pathOf(t, u)
		b.serve(p, "", readFixture(t, fmt.Sprintf("liputan6/liputan6-singlepage%s.html", suffix(i))))
		fmt.Fprintf(&sm, `<url><loc>%s%s</loc><news:news><news:publication><news:name>Liputan6</news:name><news:language>id</news:language></news:publication><news:publication_date>2016-02-16T10:00:00+07:00</news:publication_date></news:news></url>`, b.URL, p)
	}
	sm.WriteString(`</urlset>`)
	b.serve("/sitemap-berita.xml", "application/xml", sm.Bytes())

	// Site C: a listing page only.
	c := newLocalSite(t)
	home := localize(readFixture(t, "kompas/kompas-mainpage.html"), `[a-z0-9.]*kompas\.com`, c)
	c.serve("/", "", home)
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(home))
	if err != nil {
		t.Fatal(err)
	}
	// The article links as the anpandu project's own selector finds them.
	var listed []string
	doc.Find("div.tleft h3 a").Each(func(_ int, s *goquery.Selection) { listed = append(listed, pathOf(t, s.AttrOr("href", ""))) })
	if len(listed) < 5 {
		t.Fatalf("kompas listing has %d links", len(listed))
	}
	for i := range 5 {
		c.serve(listed[i], "", readFixture(t, fmt.Sprintf("kompas/kompas-singlepage%s.html", suffix(i))))
	}

	dir := t.TempDir()
	sources := filepath.Join(dir, "sources.yaml")
	allow := []string{"--allow-addr", a.addr(), "--allow-addr", b.addr(), "--allow-addr", c.addr()}
	_, errOut, err := runNetra(t, "", append([]string{"sources", "discover", "--out", sources}, append(allow, a.URL+"/", b.URL+"/", c.URL+"/")...)...)
	if err != nil {
		t.Fatalf("discover: %v\n%s", err, errOut)
	}
	written, _ := os.ReadFile(sources)
	t.Logf("written sources file:\n%s", written)
	for _, want := range []string{
		"kind: feed", a.URL + "/index.php/rss/0/RSS2.0", `<link rel="alternate"> on ` + a.URL,
		"kind: sitemap", b.URL + "/sitemap-berita.xml", "news-sitemap", "Sitemap: line of " + b.URL + "/robots.txt",
		"kind: html", "link_selector:", "article links on " + c.URL,
	} {
		if !bytes.Contains(written, []byte(want)) {
			t.Errorf("sources file lacks %q", want)
		}
	}
	if b.hit("/") != 1 || c.hit("/feed") != 1 || c.hit("/sitemap.xml") != 1 || a.hit("/feed") != 0 {
		t.Errorf("discovery did not look where it should: b / %d, c /feed %d, c /sitemap.xml %d, a /feed %d (a links its feed)",
			b.hit("/"), c.hit("/feed"), c.hit("/sitemap.xml"), a.hit("/feed"))
	}

	out, errOut, err := runNetra(t, "", append([]string{"--data", filepath.Join(dir, "data"), "crawl", "--sources", sources, "--once", "--polite=false"}, allow...)...)
	if err != nil {
		t.Fatalf("crawl: %v\n%s", err, errOut)
	}
	t.Logf("crawl:\n%s", out)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 summary lines, got:\n%s", out)
	}
	for i, want := range []string{"new 5, ", "new 3, ", "new 5, "} {
		if !strings.Contains(lines[i], want) || !strings.Contains(lines[i], "stored "+strings.TrimSuffix(strings.TrimPrefix(want, "new "), ", ")) {
			t.Errorf("source %d: want %q and as many stored: %s", i+1, want, lines[i])
		}
	}
	sout, _, err := runNetra(t, "", "--data", filepath.Join(dir, "data"), "search", "--json", "")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(sout, `"id"`); n < 13 {
		t.Errorf("search finds %d records, want 13", n)
	}
}

// suffix names the anpandu fixtures: page, page2, page3...
func suffix(i int) string {
	if i == 0 {
		return ""
	}
	return fmt.Sprint(i + 1)
}
