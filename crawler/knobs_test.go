package crawler

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestKnobsParse(t *testing.T) {
	in := `timezone: Asia/Jakarta
sources:
  - name: cepat
    kind: feed
    urls: [https://a.id/rss]
    host_parallelism: 6
    retries: 0
    delay: 250ms
  - name: sendiri
    kind: feed
    urls: [https://b.id/rss]
    polite: false
    delay: 0s
    min_interval: 5m
    schedule: "0 6 * * *"
  - name: manual
    kind: url
    urls: [https://c.id/x]
    schedule: manual
`
	srcs, err := ParseSources("k.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	a, b, m := srcs[0], srcs[1], srcs[2]
	if a.HostParallel != 6 || a.Retries == nil || *a.Retries != 0 || !a.DelaySet || a.Delay != 250*time.Millisecond || a.Impolite() {
		t.Errorf("cepat: %+v", a)
	}
	if !b.Impolite() || !b.DelaySet || b.Delay != 0 || b.MinInterval != 5*time.Minute {
		t.Errorf("sendiri: %+v", b)
	}
	if a.ScheduleSpec() != DefaultSchedule || m.ScheduleSpec() != "" || b.TickSpec() != "@every 5m0s" {
		t.Errorf("specs: %q %q %q", a.ScheduleSpec(), m.ScheduleSpec(), b.TickSpec())
	}
	if tick, err := m.Tick(); tick != nil || err != nil {
		t.Errorf("manual source has a tick: %v %v", tick, err)
	}
	// 06:00 in Jakarta (UTC+7) is 23:00 UTC the day before.
	sc, err := b.ParseSchedule()
	if err != nil {
		t.Fatal(err)
	}
	next := sc.Next(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)).UTC()
	if want := time.Date(2026, 3, 1, 23, 0, 0, 0, time.UTC); !next.Equal(want) {
		t.Errorf("next 06:00 Asia/Jakarta = %v, want %v", next, want)
	}
	if gap := b.scheduleGap(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)); gap != 24*time.Hour {
		t.Errorf("schedule gap %v", gap)
	}
}

func TestKnobsRefused(t *testing.T) {
	in := `timezone: Mars/Olympus
sources:
  - name: nol
    kind: feed
    urls: [https://a.id/rss]
    delay: 0s
  - name: buruk
    kind: feed
    urls: [https://b.id/rss]
    retries: 50
    host_parallelism: -1
    min_interval: 10s
    polite: true
    delay: "0"
`
	_, err := ParseSources("k.yaml", []byte(in))
	if err == nil {
		t.Fatal("bad knobs accepted")
	}
	for _, want := range []string{
		"k.yaml:1: timezone:",
		"k.yaml:6: delay: 0 is allowed only with allow_private: true or polite: false",
		"k.yaml:10: retries:",
		"k.yaml:11: host_parallelism:",
		"k.yaml:12: min_interval:",
		"k.yaml:14: delay: 0 is allowed only",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

// TestPoliteFalseKeepsRobots: a source with polite: false gets no delay
// and its own host concurrency, and robots.txt still keeps it out of a
// disallowed path.
func TestPoliteFalseKeepsRobots(t *testing.T) {
	s := newSite(t)
	s.mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /rahasia/\n")
	})
	page := `<html><head><title>Berita %[1]s</title></head><body><article><h1>Berita %[1]s</h1><p>Warga desa %[1]s menggelar kerja bakti membersihkan saluran air menjelang musim hujan. Kegiatan diikuti puluhan warga dan perangkat desa setempat.</p></article></body></html>`
	for _, p := range []string{"/berita/satu", "/rahasia/dua"} {
		s.mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) { fmt.Fprintf(w, page, r.URL.Path) })
	}
	off := false
	src := Source{Name: "k", Kind: KindURL, URLs: []string{s.URL + "/berita/satu", s.URL + "/rahasia/dua"}, Polite: &off, HostParallel: 5}
	// The crawler itself is polite (1 s default delay); the source opts out.
	c := New(WithAllowedAddrs(s.addr()), WithStateDir(t.TempDir()), WithTimeout(5*time.Second))
	defer c.Close()
	items, st := collect(t, c, src)
	if len(items) != 1 || st.Robots != 1 || s.hit("/rahasia/dua") != 0 {
		t.Errorf("polite: false: %d items, %d robots, %d hits on the disallowed page; want 1, 1, 0", len(items), st.Robots, s.hit("/rahasia/dua"))
	}
	if d, p := c.hosts.Delay(s.addr()), c.hosts.Parallel(s.addr()); d != 0 || p != 5 {
		t.Errorf("host delay %v, parallel %d; want 0 and 5", d, p)
	}
}

// TestRetriesKnob counts attempts on a server that always fails with 502.
func TestRetriesKnob(t *testing.T) {
	for _, n := range []int{0, 3} {
		s := newSite(t)
		var attempts atomic.Int32
		s.mux.HandleFunc("/berita/x", func(w http.ResponseWriter, r *http.Request) {
			attempts.Add(1)
			w.WriteHeader(http.StatusBadGateway)
		})
		c := testCrawler(s, t.TempDir(), WithPoliteness(false))
		src := Source{Name: "r", Kind: KindURL, URLs: []string{s.URL + "/berita/x"}, Retries: &n}
		collect(t, c, src)
		c.Close()
		if got := int(attempts.Load()); got != n+1 {
			t.Errorf("retries %d: %d attempts, want %d", n, got, n+1)
		}
	}
}

// TestDiscoverSource crawls a `discover: true` source naming only the
// site: the crawler finds the feed at a usual path (/feed.xml) and crawls
// it; a second run with the same state takes nothing new.
func TestDiscoverSource(t *testing.T) {
	fx := loadFixtures(t)
	s := newSite(t)
	serveFixtures(t, s, fx)
	src := Source{Name: "temukan", Discover: true, URLs: []string{s.URL + "/"}}
	if err := src.Validate(); err != nil {
		t.Fatal(err)
	}
	c := testCrawler(s, t.TempDir(), WithPoliteness(false))
	defer c.Close()
	items, st := collect(t, c, src)
	// The feed is fetched to check it, then to crawl it.
	if len(items) != len(fx) || s.hit("/feed.xml") != 2 {
		t.Fatalf("discover run: %d items (want %d), /feed.xml fetched %d times: %+v", len(items), len(fx), s.hit("/feed.xml"), st)
	}
	// The next run reuses what was found: no home page, no probes.
	home, probe := s.hit("/"), s.hit("/feed")
	items, _ = collect(t, c, src)
	if len(items) != 0 || s.hit("/") != home || s.hit("/feed") != probe || s.hit("/feed.xml") != 3 {
		t.Errorf("second run: %d items, home %d→%d, /feed %d→%d, /feed.xml %d (want 3)", len(items), home, s.hit("/"), probe, s.hit("/feed"), s.hit("/feed.xml"))
	}
	// Restricted to sitemaps, the same site is read through robots.txt's sitemap.
	src2 := Source{Name: "temukan-peta", Kind: KindSitemap, Discover: true, URLs: []string{s.URL + "/"}}
	if err := src2.Validate(); err != nil {
		t.Fatal(err)
	}
	before := s.hit("/sitemap.xml")
	items, _ = collect(t, c, src2)
	if len(items) != 0 || s.hit("/sitemap.xml") <= before {
		t.Errorf("sitemap discovery: %d items (all seen before, want 0), sitemap fetched %d times", len(items), s.hit("/sitemap.xml")-before)
	}
}

// TestDiscoverRefusesPrivate: discovery goes through the guarded client,
// so a site on a private address is refused unless allowed.
func TestDiscoverRefusesPrivate(t *testing.T) {
	fx := loadFixtures(t)
	s := newSite(t)
	serveFixtures(t, s, fx)
	c := New(WithTimeout(5 * time.Second)) // s's address not allowed
	defer c.Close()
	reps := c.Discover(context.Background(), []string{s.URL + "/"}, false)
	if len(reps) != 1 || len(reps[0].Findings) != 0 || s.hit("/feed.xml") != 0 {
		t.Fatalf("private site discovered: %+v (feed hits %d)", reps, s.hit("/feed.xml"))
	}
	if !strings.Contains(strings.Join(reps[0].Problems, "\n"), "blocked") {
		t.Errorf("problems do not say the address was blocked: %q", reps[0].Problems)
	}
	if len(reps[0].Problems) != 1 {
		t.Errorf("went on probing a refused site: %q", reps[0].Problems)
	}
	// A fresh crawler: the robots.txt cache remembers the refusal per host.
	c2 := New(WithTimeout(5*time.Second), WithPoliteness(false))
	defer c2.Close()
	reps = c2.Discover(context.Background(), []string{s.URL + "/"}, true)
	if len(reps[0].Findings) == 0 {
		t.Errorf("allow_private: nothing found: %+v", reps[0])
	}
}
