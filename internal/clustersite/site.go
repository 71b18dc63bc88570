// Package clustersite is a local news site of several sources for the
// cluster crawl test (cmd/netra) and benchmark (bench/cluster): article
// pages are the real saved Indonesian news pages of
// crawler/extract/testdata/anpandu, copied under many paths, each copy
// made unique by a numbered note added inside its main text (otherwise the
// crawler would drop copies as duplicates of one text). Sources alternate
// between a sitemap and an RSS feed. An access log records every article
// request that was answered, with the User-Agent that asked, so a test can
// tell which worker fetched which page how often.
package clustersite

import (
	"errors"
	"fmt"
	"html"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/netra-id/netra/crawler/extract"
)

// Fetch is one answered article request.
type Fetch struct {
	Seq   int    // order of answers, from 1
	Agent string // User-Agent header
}

// Site serves Sources sources of PerSource article pages each.
type Site struct {
	Sources, PerSource int
	base               string // http://host:port, set by SetBase

	templates [][]byte // saved pages with an anchor word each
	anchors   []string

	// Hook, when set, runs before an article is answered, with its
	// number and the request; it may block (a test stops a worker at a
	// known point). Set it before serving.
	Hook func(page int, r *http.Request)

	mu       sync.Mutex
	seq      int
	hits     map[int][]Fetch
	listings map[int][]Listing
}

// Listing is one answered request of a source's sitemap or feed.
type Listing struct {
	At    time.Time
	Agent string
}

// New loads the saved pages under dir (crawler/extract/testdata/anpandu)
// and keeps those whose main text the extractor finds and that have an
// anchor word to add the note after.
func New(dir string, sources, perSource int) (*Site, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "*-singlepage*.html"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	s := &Site{Sources: sources, PerSource: perSource, hits: map[int][]Fetch{}, listings: map[int][]Listing{}}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		a, err := extract.Page(b, "http://127.0.0.1/p.html", extract.DefaultOptions())
		if err != nil {
			continue
		}
		if anchor := anchorWord(a.Text, string(b)); anchor != "" {
			s.templates = append(s.templates, b)
			s.anchors = append(s.anchors, anchor)
		}
	}
	if len(s.templates) < 10 {
		return nil, fmt.Errorf("clustersite: only %d usable saved pages in %s", len(s.templates), dir)
	}
	return s, nil
}

// anchorWord is a word of the main text that occurs once in the page, so
// a note added after it lands inside the main text.
func anchorWord(text, page string) string {
	for _, w := range strings.Fields(text) {
		if len(w) < 7 || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			continue
		}
		if strings.Count(page, w) == 1 {
			return w
		}
	}
	return ""
}

// SetBase tells the site its own URL (http://host:port).
func (s *Site) SetBase(base string) { s.base = strings.TrimSuffix(base, "/") }

// Pages is the number of article pages.
func (s *Site) Pages() int { return s.Sources * s.PerSource }

// SourceName is the name of source k in the sources file.
func SourceName(k int) string { return fmt.Sprintf("daerah-%d", k) }

// PageURL is the URL of article page i (of source i / PerSource).
func (s *Site) PageURL(i int) string {
	return fmt.Sprintf("%s/s%d/berita/%d/laporan-%d.html", s.base, i/s.PerSource, i, i)
}

// SourceOf is the source of page i.
func (s *Site) SourceOf(i int) int { return i / s.PerSource }

// SourcesYAML is a sources file for the site: even sources by sitemap,
// odd ones by RSS feed. A schedule, when not empty, is given to every
// source, which may then reach the (private) site with politeness off:
// `netra serve` has no --allow-addr.
func (s *Site) SourcesYAML(schedule string) string {
	var b strings.Builder
	b.WriteString("sources:\n")
	for k := range s.Sources {
		if k%2 == 0 {
			fmt.Fprintf(&b, "  - name: %s\n    kind: sitemap\n    urls: [%s/s%d/sitemap.xml]\n", SourceName(k), s.base, k)
		} else {
			fmt.Fprintf(&b, "  - name: %s\n    kind: feed\n    urls: [%s/s%d/rss.xml]\n", SourceName(k), s.base, k)
		}
		if schedule != "" {
			fmt.Fprintf(&b, "    schedule: %q\n    allow_private: true\n    polite: false\n    delay: 0s\n    parallelism: 4\n    host_parallelism: 4\n", schedule)
		}
	}
	return b.String()
}

// Listings returns, per source, the answered sitemap and feed requests.
func (s *Site) Listings() map[int][]Listing {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[int][]Listing, len(s.listings))
	for k, v := range s.listings {
		out[k] = append([]Listing(nil), v...)
	}
	return out
}

// Hits returns, per article page, the answered requests in order.
func (s *Site) Hits() map[int][]Fetch {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[int][]Fetch, len(s.hits))
	for k, v := range s.hits {
		out[k] = append([]Fetch(nil), v...)
	}
	return out
}

// Reset forgets the access log.
func (s *Site) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits, s.seq, s.listings = map[int][]Fetch{}, 0, map[int][]Listing{}
}

// ServeHTTP serves robots.txt, each source's sitemap or feed, and the
// article pages.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if p == "/robots.txt" {
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
		return
	}
	parts := strings.Split(strings.TrimPrefix(p, "/"), "/")
	if len(parts) < 2 || !strings.HasPrefix(parts[0], "s") {
		http.NotFound(w, r)
		return
	}
	k, err := strconv.Atoi(parts[0][1:])
	if err != nil || k < 0 || k >= s.Sources {
		http.NotFound(w, r)
		return
	}
	if len(parts) == 2 && (parts[1] == "sitemap.xml" || parts[1] == "rss.xml") {
		s.mu.Lock()
		s.listings[k] = append(s.listings[k], Listing{At: time.Now(), Agent: r.UserAgent()})
		s.mu.Unlock()
	}
	switch {
	case len(parts) == 2 && parts[1] == "sitemap.xml":
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for i := k * s.PerSource; i < (k+1)*s.PerSource; i++ {
			fmt.Fprintf(w, "<url><loc>%s</loc></url>", s.PageURL(i))
		}
		fmt.Fprint(w, "</urlset>")
	case len(parts) == 2 && parts[1] == "rss.xml":
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Berita %s</title><link>%s/s%d/</link><description>Berita daerah</description>`, SourceName(k), s.base, k)
		for i := k * s.PerSource; i < (k+1)*s.PerSource; i++ {
			fmt.Fprintf(w, "<item><title>Laporan daerah nomor %d</title><link>%s</link><guid>%s</guid></item>", i, s.PageURL(i), s.PageURL(i))
		}
		fmt.Fprint(w, "</channel></rss>")
	case len(parts) == 4 && parts[1] == "berita":
		i, err := strconv.Atoi(parts[2])
		if err != nil || i/s.PerSource != k || parts[3] != fmt.Sprintf("laporan-%d.html", i) {
			http.NotFound(w, r)
			return
		}
		if s.Hook != nil {
			s.Hook(i, r)
		}
		if r.Context().Err() != nil {
			return // the client went away (a killed worker): not answered
		}
		body := s.page(i)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if _, err := w.Write(body); err != nil && !errors.Is(err, http.ErrHandlerTimeout) {
			return
		}
		s.mu.Lock()
		s.seq++
		s.hits[i] = append(s.hits[i], Fetch{Seq: s.seq, Agent: r.UserAgent()})
		s.mu.Unlock()
	default:
		http.NotFound(w, r)
	}
}

// page is saved page i mod the templates with a note numbered i after its
// anchor word.
func (s *Site) page(i int) []byte {
	t := i % len(s.templates)
	note := html.EscapeString(fmt.Sprintf(" (catatan arsip redaksi daerah nomor %d)", i))
	return []byte(strings.Replace(string(s.templates[t]), s.anchors[t], s.anchors[t]+note, 1))
}
