package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/crawler"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/review"
	"github.com/netra-id/netra/review/config"
)

// safeBuffer collects what runServe prints while the test reads it.
type safeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs `netra serve` in-process on a free port and returns its
// base URL; stopping the test context shuts it down and checks it stopped
// cleanly.
func startServe(t *testing.T, cfg config.Config, demo bool, copts ...crawler.Option) (string, *safeBuffer) {
	t.Helper()
	return startServeIn(t, t.TempDir(), cfg, demo, copts...)
}

// testAdminPW is the password of the admin account startServeWithAdmin makes.
const testAdminPW = "admin-pass-123"

// startServeWithAdmin is startServe with an admin account made the way
// `netra users add` makes it.
func startServeWithAdmin(t *testing.T, cfg config.Config, copts ...crawler.Option) (string, *safeBuffer) {
	t.Helper()
	dir := t.TempDir()
	if _, _, err := runNetra(t, testAdminPW+"\n", "--data", dir, "users", "add", "admin", "--role", "admin", "--password-stdin"); err != nil {
		t.Fatal(err)
	}
	return startServeIn(t, dir, cfg, false, copts...)
}

func newLocalServer(t *testing.T, h http.Handler) string {
	t.Helper()
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts.URL
}

func fetchText(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// sourcesPage logs in through the form as the admin and returns /sources.
func sourcesPage(t *testing.T, base string) string {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.Get(base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(b)
	if m == nil {
		t.Fatal("login page has no CSRF token")
	}
	resp, err = c.PostForm(base+"/login", url.Values{"user": {"admin"}, "password": {testAdminPW}, "csrf": {string(m[1])}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	resp, err = c.Get(base + "/sources")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ = io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(b), `id="sources"`) {
		t.Fatalf("sources page: %d", resp.StatusCode)
	}
	return string(b)
}

func startServeIn(t *testing.T, dataDir string, cfg config.Config, demo bool, copts ...crawler.Option) (string, *safeBuffer) {
	t.Helper()
	g := &globals{dataDir: dataDir}
	cfg.Addr = "127.0.0.1:0"
	cfg.LogLevel = "warn"
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	out := &safeBuffer{}
	go func() { done <- runServe(ctx, g, cfg, demo, out, ready, copts...) }()
	stopped := false
	t.Cleanup(func() {
		cancel()
		if stopped {
			return
		}
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve did not stop cleanly: %v", err)
			}
		case <-time.After(60 * time.Second):
			t.Error("serve did not stop within 60s of SIGTERM")
		}
	})
	select {
	case addr := <-ready:
		return "http://" + addr, out
	case err := <-done:
		stopped = true
		t.Fatalf("serve: %v", err)
	case <-time.After(2 * time.Minute):
		t.Fatal("serve did not start")
	}
	return "", nil
}

func getJSON[T any](t *testing.T, u, user, pw string) T {
	t.Helper()
	req, _ := http.NewRequest("GET", u, nil)
	req.SetBasicAuth(user, pw)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", u, resp.StatusCode, b)
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	return v
}

func TestServeDemo(t *testing.T) {
	base, out := startServe(t, config.Defaults(), true)
	m := regexp.MustCompile(`password: (\S+)`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("demo printed no password:\n%s", out)
	}
	pw := m[1]
	if resp, err := http.Get(base + "/api/v1/items"); err != nil || resp.StatusCode != 401 {
		t.Fatalf("anonymous API: %v %v", resp, err)
	}
	res := getJSON[index.Result](t, base+"/api/v1/items?flagged=true&sort=score&limit=200", "admin", pw)
	if res.Total < 10 {
		t.Fatalf("demo shows %d flagged items, want at least 10", res.Total)
	}
	for _, mt := range res.Matches {
		r := mt.Record
		if len(r.Verdict.Hits) == 0 {
			t.Errorf("%s flagged without evidence", r.Item.ID)
		}
		for _, h := range r.Verdict.Hits {
			src := r.Item.Text
			if h.Field == review.FieldTitle {
				src = r.Item.Title
			}
			if h.Start < 0 || h.End > len(src) || h.Start >= h.End {
				t.Errorf("%s: hit %s offsets %d..%d outside its field (%d bytes)", r.Item.ID, h.Rule, h.Start, h.End, len(src))
			}
		}
	}
	// The data the classifier flagged is what the bundled SOURCE note says:
	// only copyable licences.
	for _, mt := range res.Matches {
		if l := mt.Record.Item.Meta["licence"]; l != "MIT" && l != "CC BY 4.0" && l != "Apache-2.0" {
			t.Errorf("%s: licence %q", mt.Record.Item.ID, l)
		}
	}
	// The demo's copies of one post are one story: the story view has
	// fewer rows than records, and at least one story of several copies.
	sr := getJSON[index.Result](t, base+"/api/v1/items?flagged=true&stories=true&limit=200", "admin", pw)
	biggest := 0
	for _, mt := range sr.Matches {
		if mt.Story == nil {
			t.Fatalf("stories=true: %s without a story", mt.Record.Item.ID)
		}
		biggest = max(biggest, mt.Story.Size)
	}
	if sr.Total != res.Total || len(sr.Matches) >= res.Total || biggest < 3 {
		t.Errorf("demo stories: %d rows for %d records (story view total %d), biggest story %d; want fewer rows and a story of 3 or more", len(sr.Matches), res.Total, sr.Total, biggest)
	}
	// Full-text search goes through the classifier's analyser: an inflected
	// form finds its stem.
	if r := getJSON[index.Result](t, base+"/api/v1/items?q=dukungan&flagged=all", "admin", pw); r.Total == 0 {
		t.Error("search for dukungan found nothing in the demo")
	}
}

// rssFeed lists one article of the fixture site.
const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Berita Daerah</title><link>%[1]s/</link><description>Berita</description>
<item><title>Camat Ajak Warga Dukung Paslon Nomor Urut 2</title><link>%[1]s/berita/camat-ajak-warga</link>
<pubDate>%[2]s</pubDate><description>Camat kedapatan berkampanye.</description></item>
</channel></rss>`

const articleHTML = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Camat Ajak Warga Dukung Paslon Nomor Urut 2</title></head>
<body><header><nav><a href="/">Beranda</a></nav></header>
<article><h1>Camat Ajak Warga Dukung Paslon Nomor Urut 2</h1>
<p>Seorang camat di Kabupaten Contoh kedapatan mengajak warga untuk mendukung paslon nomor urut 2 dalam acara kampanye di balai desa, Sabtu pagi.</p>
<p>Dalam video yang beredar, camat tersebut terlihat berdiri di panggung kampanye sambil mengacungkan dua jari dan meminta warga memilih pasangan calon itu.</p>
<p>Bawaslu kabupaten menyatakan akan memanggil camat yang berstatus aparatur sipil negara tersebut untuk dimintai klarifikasi pekan depan.</p>
<p>Menurut Bawaslu, ASN wajib menjaga netralitas dan dilarang terlibat dalam kegiatan kampanye peserta pemilu.</p>
</article><footer>Hak cipta contoh</footer></body></html>`

// fixtureSite serves a feed slowly, so that runs scheduled every two seconds
// would overlap if the scheduler let them.
type fixtureSite struct {
	inFlight, maxInFlight, feedHits atomic.Int32
	base                            string
}

func (s *fixtureSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/feed.xml":
		n := s.inFlight.Add(1)
		defer s.inFlight.Add(-1)
		for m := s.maxInFlight.Load(); n > m && !s.maxInFlight.CompareAndSwap(m, n); m = s.maxInFlight.Load() {
		}
		s.feedHits.Add(1)
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, rssFeed, s.base, time.Now().UTC().Format(time.RFC1123Z))
	case "/berita/camat-ajak-warga":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, articleHTML)
	default:
		http.NotFound(w, r)
	}
}

func TestServeScheduledCrawl(t *testing.T) {
	site := &fixtureSite{}
	ts := newLocalServer(t, site)
	site.base = ts
	sources := filepath.Join(t.TempDir(), "sources.yaml")
	if err := os.WriteFile(sources, []byte(fmt.Sprintf(`sources:
  - name: berita-lokal
    kind: feed
    urls: [%s/feed.xml]
    region: jawa-timur
    schedule: "@every 2s"
`, ts)), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := config.Defaults()
	cfg.Sources = sources
	cfg.ShutdownTimeout.Duration = 20 * time.Second
	u, _ := url.Parse(ts)
	base, _ := startServeWithAdmin(t, cfg, crawler.WithAllowedAddrs(u.Host), crawler.WithPoliteness(false))

	deadline := time.Now().Add(90 * time.Second)
	var st review.SourceStatus
	for {
		list := getJSON[map[string][]review.SourceStatus](t, base+"/api/v1/sources", "admin", testAdminPW)["sources"]
		if len(list) != 1 {
			t.Fatalf("sources: %+v", list)
		}
		st = list[0]
		if st.Runs >= 2 && st.Skipped >= 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no two runs and a skipped one within 90s: %+v", st)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if got := site.maxInFlight.Load(); got != 1 {
		t.Errorf("%d crawls of one source ran at once, want 1", got)
	}
	if st.LastError != "" || st.Failures != 0 || st.NextRun.IsZero() || st.LastEnd.IsZero() {
		t.Errorf("status: %+v", st)
	}
	// The crawled article is in the store, classified and flagged.
	res := getJSON[index.Result](t, base+"/api/v1/items?source=berita-lokal&flagged=all", "admin", testAdminPW)
	if res.Total != 1 || !res.Matches[0].Record.Verdict.Flagged || !strings.Contains(res.Matches[0].Record.Item.Text, "mendukung paslon") {
		t.Fatalf("crawled item: %+v", res)
	}
	// The API returns its verdict as stored, with the words the item page's
	// "why this score" shows under the word model's score part.
	rec := getJSON[netra.Record](t, base+"/api/v1/items/"+url.PathEscape(res.Matches[0].Record.Item.ID), "admin", testAdminPW)
	var words []netra.ScoreWord
	for _, p := range rec.Verdict.ScoreParts {
		if p.Feature == "text_model" {
			words = p.Words
		}
	}
	if len(words) == 0 || words[0].Gram == "" || words[0].Contribution == 0 {
		t.Errorf("the crawled article's verdict lists no words under the word model's score part: %+v", rec.Verdict.ScoreParts)
	}
	// The sources page shows the status.
	page := sourcesPage(t, base)
	for _, want := range []string{"berita-lokal", "@every 2s", `<td class="runs">`, `<td class="counts">`, `class="run-now"`} {
		if !strings.Contains(page, want) {
			t.Errorf("sources page lacks %q", want)
		}
	}
	metrics := fetchText(t, base+"/metrics")
	for _, want := range []string{`netra_crawl_runs_total{result="ok",source="berita-lokal"}`, `netra_crawl_skipped_total{source="berita-lokal"}`, "netra_classified_items_total", "netra_indexed_records_total"} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if regexp.MustCompile(`(?m)^netra_(classified_items|indexed_records)_total 0$`).MatchString(metrics) {
		t.Errorf("classify/index counters did not move:\n%s", metrics)
	}
}

func TestUsersCommand(t *testing.T) {
	dir := t.TempDir()
	out, _, err := runNetra(t, "", "--data", dir, "users", "add", "rina", "--role", "reviewer")
	m := regexp.MustCompile(`password: (\S+)`).FindStringSubmatch(out)
	if err != nil || m == nil {
		t.Fatalf("add: %v\n%s", err, out)
	}
	if _, _, err := runNetra(t, "", "--data", dir, "users", "add", "rina"); err == nil {
		t.Error("duplicate user accepted")
	}
	if _, _, err := runNetra(t, "", "--data", dir, "users", "add", "x", "--role", "boss"); err == nil || !strings.Contains(err.Error(), "boss") {
		t.Errorf("bad role: %v", err)
	}
	if _, _, err := runNetra(t, "pendek\n", "--data", dir, "users", "add", "budi", "--password-stdin"); err == nil {
		t.Error("short password accepted")
	}
	if _, _, err := runNetra(t, "kata-sandi-budi\n", "--data", dir, "users", "add", "budi", "--role", "viewer", "--password-stdin"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runNetra(t, "", "--data", dir, "users", "role", "budi", "admin"); err != nil {
		t.Fatal(err)
	}
	out, _, err = runNetra(t, "", "--data", dir, "users", "passwd", "rina")
	if err != nil || !strings.Contains(out, "password: ") || strings.Contains(out, m[1]) {
		t.Errorf("passwd: %v %s", err, out)
	}
	out, _, err = runNetra(t, "", "--data", dir, "users", "list")
	if err != nil || !regexp.MustCompile(`budi\s+admin`).MatchString(out) || !regexp.MustCompile(`rina\s+reviewer`).MatchString(out) || strings.Contains(out, "$2a$") {
		t.Errorf("list: %v\n%s", err, out)
	}
	// The store still opens on the directory that now holds users.json.
	if _, _, err := runNetra(t, "", "--data", dir, "users", "list"); err != nil {
		t.Error(err)
	}
}

// hangingFeed never answers until the client gives up.
type hangingFeed struct {
	started, canceled chan struct{}
}

func (h *hangingFeed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/feed.xml" {
		http.NotFound(w, r)
		return
	}
	select {
	case h.started <- struct{}{}:
	default:
	}
	<-r.Context().Done()
	select {
	case h.canceled <- struct{}{}:
	default:
	}
}

func TestServeShutdownCancelsRunningCrawl(t *testing.T) {
	site := &hangingFeed{started: make(chan struct{}, 1), canceled: make(chan struct{}, 1)}
	ts := newLocalServer(t, site)
	sources := filepath.Join(t.TempDir(), "sources.yaml")
	os.WriteFile(sources, []byte(fmt.Sprintf("sources:\n  - name: lambat\n    kind: feed\n    urls: [%s/feed.xml]\n    schedule: \"@every 1s\"\n", ts)), 0o600)
	cfg := config.Defaults()
	cfg.Addr, cfg.LogLevel, cfg.Sources = "127.0.0.1:0", "warn", sources
	cfg.ShutdownTimeout.Duration = 500 * time.Millisecond
	cfg.CrawlGrace.Duration = 20 * time.Second
	u, _ := url.Parse(ts)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, &globals{dataDir: t.TempDir()}, cfg, false, io.Discard, ready,
			crawler.WithAllowedAddrs(u.Host), crawler.WithPoliteness(false), crawler.WithTimeout(time.Hour))
	}()
	select {
	case <-ready:
	case err := <-done:
		t.Fatal(err)
	}
	select {
	case <-site.started:
	case <-time.After(60 * time.Second):
		t.Fatal("the scheduled crawl never started")
	}
	cancel() // what SIGTERM does in main
	select {
	case <-site.canceled:
	case <-time.After(30 * time.Second):
		t.Fatal("the running crawl was not cancelled after shutdown_timeout")
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after cancelling a crawl: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not return after the crawl was cancelled")
	}
}
