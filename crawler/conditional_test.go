package crawler

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netra-id/netra"
)

// changingSite serves a feed, a sitemap and a listing page over a set of
// article pages that grows when the test says so. Each document carries an
// ETag and a Last-Modified and answers conditional requests with 304; the
// site counts 200s and 304s per document.
type changingSite struct {
	*site
	mu       sync.Mutex
	articles []string // paths, oldest first
	changed  time.Time
	ok, nm   map[string]int // 200s and 304s per path
}

func newChangingSite(t *testing.T) *changingSite {
	cs := &changingSite{site: newSite(t), ok: map[string]int{}, nm: map[string]int{}, changed: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	doc := func(path, ct string, render func(base string, arts []string) string, useETag bool) {
		cs.mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			cs.mu.Lock()
			body := render(cs.URL, cs.articles)
			changed := cs.changed
			cs.mu.Unlock()
			sum := sha256.Sum256([]byte(body))
			etag := `"` + hex.EncodeToString(sum[:8]) + `"`
			lm := changed.Format(http.TimeFormat)
			notModified := false
			if useETag {
				w.Header().Set("ETag", etag)
				notModified = r.Header.Get("If-None-Match") == etag
			} else if ims, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err == nil {
				notModified = !changed.After(ims)
			}
			w.Header().Set("Last-Modified", lm)
			cs.mu.Lock()
			if notModified {
				cs.nm[path]++
			} else {
				cs.ok[path]++
			}
			cs.mu.Unlock()
			if notModified {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Content-Type", ct)
			fmt.Fprint(w, body)
		})
	}
	doc("/feed.xml", "application/rss+xml", func(base string, arts []string) string {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Uji</title>`)
		for i := len(arts) - 1; i >= 0; i-- {
			fmt.Fprintf(&b, "<item><title>Berita %d</title><link>%s%s</link></item>", i, base, arts[i])
		}
		return b.String() + "</channel></rss>"
	}, true)
	doc("/sitemap.xml", "application/xml", func(base string, arts []string) string {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for _, a := range arts {
			fmt.Fprintf(&b, "<url><loc>%s%s</loc></url>", base, a)
		}
		return b.String() + "</urlset>"
	}, false) // Last-Modified only: If-Modified-Since
	doc("/indeks", "text/html", func(base string, arts []string) string {
		var b strings.Builder
		b.WriteString(`<html><body><ul class="indeks">`)
		for i := len(arts) - 1; i >= 0; i-- {
			fmt.Fprintf(&b, `<li><a href="%s">Berita %d</a></li>`, arts[i], i)
		}
		return b.String() + "</ul></body></html>"
	}, true)
	cs.mux.HandleFunc("/berita/", func(w http.ResponseWriter, r *http.Request) {
		n := strings.TrimPrefix(r.URL.Path, "/berita/")
		fmt.Fprintf(w, `<html><head><title>Berita nomor %[1]s</title></head><body><article><h1>Berita nomor %[1]s</h1>
<p>Pemerintah kabupaten mengumumkan kegiatan nomor %[1]s kepada warga desa (laman %[2]s). Kegiatan itu berlangsung di balai desa dan dihadiri perangkat desa serta tokoh masyarakat setempat.</p>
<p>Warga menyambut kegiatan nomor %[1]s dengan antusias dan berharap kegiatan serupa berlanjut tahun depan di kecamatan lain.</p></article></body></html>`, n, r.Host)
	})
	return cs
}

// add publishes n new articles at time at.
func (cs *changingSite) add(n int, at time.Time) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	for range n {
		cs.articles = append(cs.articles, fmt.Sprintf("/berita/%d", len(cs.articles)+1))
	}
	cs.changed = at
}

func (cs *changingSite) counts(path string) (ok, notModified int) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return cs.ok[path], cs.nm[path]
}

// TestConditionalGet crawls a feed, a sitemap and a listing page three
// times each: the unchanged second run gets 304s and fetches nothing, the
// third (after one new article) gets 200 and only that article. A run cut
// short by max_items keeps no validator, so the next run sees the whole
// document again and takes the rest.
func TestConditionalGet(t *testing.T) {
	for _, tc := range []struct {
		name, path string
		src        func(base string) Source
	}{
		{"feed", "/feed.xml", func(b string) Source { return Source{Name: "f", Kind: KindFeed, URLs: []string{b + "/feed.xml"}} }},
		{"sitemap", "/sitemap.xml", func(b string) Source { return Source{Name: "s", Kind: KindSitemap, URLs: []string{b + "/sitemap.xml"}} }},
		{"listing", "/indeks", func(b string) Source {
			return Source{Name: "l", Kind: KindHTML, URLs: []string{b + "/indeks"}, LinkSelector: "ul.indeks a"}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs := newChangingSite(t)
			t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
			cs.add(4, t0)
			c := testCrawler(cs.site, t.TempDir(), WithPoliteness(false))
			defer c.Close()
			src := tc.src(cs.URL)

			items, st := collect(t, c, src)
			if len(items) != 4 || st.NotModified != 0 {
				t.Fatalf("run 1: %d items, %d not modified (%+v)", len(items), st.NotModified, st)
			}
			items, st = collect(t, c, src)
			if len(items) != 0 || st.NotModified != 1 || st.Fetched != 1 {
				t.Errorf("run 2 (unchanged): %d items, %d not modified, %d fetched; want 0, 1, 1", len(items), st.NotModified, st.Fetched)
			}
			cs.add(1, t0.Add(time.Hour))
			items, st = collect(t, c, src)
			if len(items) != 1 || st.NotModified != 0 || st.Fetched != 2 {
				t.Errorf("run 3 (one new): %d items, %d not modified, %d fetched; want 1, 0, 2", len(items), st.NotModified, st.Fetched)
			}
			if ok, nm := cs.counts(tc.path); ok != 2 || nm != 1 {
				t.Errorf("server counted %d×200 and %d×304 for %s, want 2 and 1", ok, nm, tc.path)
			}

			// Three new; max_items 2 takes two and must not keep the validator.
			cs.add(3, t0.Add(2*time.Hour))
			limited := src
			limited.MaxItems = 2
			items, _ = collect(t, c, limited)
			if len(items) != 2 {
				t.Fatalf("limited run: %d items, want 2", len(items))
			}
			items, st = collect(t, c, src)
			if len(items) != 1 || st.NotModified != 0 {
				t.Errorf("after a limited run: %d items, %d not modified; want the remaining 1 from a full fetch", len(items), st.NotModified)
			}
			items, st = collect(t, c, src)
			if len(items) != 0 || st.NotModified != 1 {
				t.Errorf("settled: %d items, %d not modified; want 0 and 1", len(items), st.NotModified)
			}
		})
	}
}

// TestAdaptiveInterval simulates a day in ten-minute ticks for two feeds
// with min_interval 10m and schedule @every 4h: a busy one (a new article
// every ten minutes) and a quiet one (one every six hours). The crawler's
// Due decides at each tick. The busy feed must be read often, the quiet
// one rarely, every article must arrive within the schedule's gap plus a
// tick, and the quiet feed's unchanged checks must be 304s.
func TestAdaptiveInterval(t *testing.T) {
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	now := start
	clock := func() time.Time { return now }
	const tick = 10 * time.Minute
	type feed struct {
		name  string
		every time.Duration
		cs    *changingSite
		src   Source
		added map[string]time.Time // article URL → when published
		late  time.Duration
		items int
	}
	var feeds []*feed
	for _, f := range []struct {
		name  string
		every time.Duration
	}{{"ramai", tick}, {"sepi", 6 * time.Hour}} {
		cs := newChangingSite(t)
		fd := &feed{name: f.name, every: f.every, cs: cs, added: map[string]time.Time{},
			src: Source{Name: f.name, Kind: KindFeed, URLs: []string{cs.URL + "/feed.xml"}, Schedule: "@every 4h", MinInterval: tick}}
		feeds = append(feeds, fd)
	}
	dir := t.TempDir()
	var allowed []Option
	for _, f := range feeds {
		allowed = append(allowed, WithAllowedAddrs(f.cs.addr()))
	}
	c := testCrawler(feeds[0].cs.site, dir, append(allowed, WithPoliteness(false), WithClock(clock))...)
	defer c.Close()
	for ; now.Before(start.Add(24 * time.Hour)); now = now.Add(tick) {
		for _, f := range feeds {
			if now.Sub(start)%f.every == 0 {
				f.cs.add(1, now)
				f.cs.mu.Lock()
				f.added[f.cs.URL+f.cs.articles[len(f.cs.articles)-1]] = now
				f.cs.mu.Unlock()
			}
			due, _, err := c.Due(f.src)
			if err != nil {
				t.Fatal(err)
			}
			if !due {
				continue
			}
			_, err = c.Run(context.Background(), f.src, func(it netra.Item) error {
				f.items++
				if pub, ok := f.added[it.URL]; ok {
					f.late = max(f.late, now.Sub(pub))
				} else {
					t.Errorf("%s: unexpected item %s", f.name, it.URL)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	busy, quiet := feeds[0], feeds[1]
	bOK, bNM := busy.cs.counts("/feed.xml")
	qOK, qNM := quiet.cs.counts("/feed.xml")
	t.Logf("busy: %d×200 %d×304, %d items, latest %v, interval %v; quiet: %d×200 %d×304, %d items, latest %v, interval %v",
		bOK, bNM, busy.items, busy.late, c.PollState("ramai").Interval, qOK, qNM, quiet.items, quiet.late, c.PollState("sepi").Interval)
	ticks := int(24 * time.Hour / tick)
	if bOK+bNM < ticks/2 {
		t.Errorf("busy feed read %d times in %d ticks; want most ticks", bOK+bNM, ticks)
	}
	if qOK+qNM > ticks/6 {
		t.Errorf("quiet feed read %d times in %d ticks; want few (at most one per schedule gap and a few learning ticks)", qOK+qNM, ticks)
	}
	if qNM == 0 {
		t.Error("quiet feed never answered 304")
	}
	for _, f := range feeds {
		// Articles published after the last check of the day may still wait.
		if f.items < len(f.added)-1 {
			t.Errorf("%s: %d of %d articles arrived", f.name, f.items, len(f.added))
		}
		if f.late > 4*time.Hour+tick {
			t.Errorf("%s: an article waited %v, more than the schedule gap", f.name, f.late)
		}
	}
}
