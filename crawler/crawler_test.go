package crawler

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netra-id/netra"
)

// fixture is one anpandu article page with its expectations.
type fixture struct {
	path    string // path on the test server (the article URL's path)
	file    string
	title   string
	date    time.Time
	content string
}

func loadFixtures(t testing.TB) []fixture {
	t.Helper()
	root := "extract/testdata/anpandu"
	b, err := os.ReadFile(filepath.Join(root, "expected_extractions.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string][]struct {
		Fixture  string `json:"fixture"`
		Function string `json:"function"`
		Expected struct {
			URL     string          `json:"url"`
			Title   string          `json:"title"`
			Date    json.RawMessage `json:"date"`
			Content string          `json:"content"`
		} `json:"expected"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var out []fixture
	for site, list := range m {
		for i, e := range list {
			if e.Function != "getDataFromSinglePage" {
				continue
			}
			ms, _ := strconv.ParseInt(strings.Trim(string(e.Expected.Date), `"`), 10, 64)
			out = append(out, fixture{
				path:    fmt.Sprintf("/%s/artikel-%d.html", strings.ToLower(site), i),
				file:    filepath.Join(root, strings.TrimPrefix(e.Fixture, "html/")),
				title:   e.Expected.Title,
				date:    time.UnixMilli(ms),
				content: e.Expected.Content,
			})
		}
	}
	return out
}

// site is a local server of saved pages that counts hits per path.
type site struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
	mux  *http.ServeMux
}

func newSite(t *testing.T) *site {
	s := &site{hits: map[string]int{}, mux: http.NewServeMux()}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		s.mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) hit(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *site) addr() string { return strings.TrimPrefix(s.URL, "http://") }

// serveFixtures serves the article pages and an RSS feed linking to them.
func serveFixtures(t *testing.T, s *site, fx []fixture) {
	for _, f := range fx {
		body, err := os.ReadFile(f.file)
		if err != nil {
			t.Fatal(err)
		}
		ct := "text/html; charset=utf-8"
		if strings.Contains(f.file, "kapanlagi") {
			ct = "text/html; charset=iso-8859-1" // as the site declared it
		}
		s.mux.HandleFunc(f.path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ct)
			w.Write(body)
		})
	}
	s.mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /admin/\nSitemap: "+s.URL+"/sitemap.xml\n")
	})
	s.mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Uji</title>`)
		for _, f := range fx {
			// Tracking parameters must not defeat dedup.
			fmt.Fprintf(w, "<item><title>%s</title><link>%s%s?utm_source=rss&amp;utm_medium=feed</link></item>", xmlEscape(f.title), s.URL, f.path)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	s.mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for _, f := range fx {
			fmt.Fprintf(w, "<url><loc>%s%s</loc><lastmod>%s</lastmod></url>", s.URL, f.path, f.date.UTC().Format(time.RFC3339))
		}
		fmt.Fprint(w, `</urlset>`)
	})
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func testCrawler(s *site, dir string, extra ...Option) *Crawler {
	opts := []Option{
		WithAllowedAddrs(s.addr()),
		WithHostLimits(4, 0),
		WithStateDir(dir),
		WithContact("https://netra.example/crawler"),
		WithTimeout(5 * time.Second),
		WithRetries(1, 10*time.Millisecond),
	}
	return New(append(opts, extra...)...)
}

func collect(t *testing.T, c *Crawler, src Source) ([]netra.Item, RunStats) {
	t.Helper()
	var items []netra.Item
	st, err := c.Run(context.Background(), src, func(it netra.Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("run %s: %v", src.Name, err)
	}
	return items, st
}

func TestFeedCrawlAndSecondRun(t *testing.T) {
	fx := loadFixtures(t)
	s := newSite(t)
	serveFixtures(t, s, fx)
	dir := t.TempDir()
	src := Source{Name: "uji-feed", Kind: KindFeed, URLs: []string{s.URL + "/feed.xml"}, Region: "jawa-timur", Language: "id"}

	c := testCrawler(s, dir)
	items, st := collect(t, c, src)
	if len(items) != len(fx) {
		t.Fatalf("first run: %d items, want %d (stats %+v)", len(items), len(fx), st)
	}
	byURL := map[string]netra.Item{}
	for _, it := range items {
		byURL[it.URL] = it
		if it.ID != netra.ItemID(it.URL, "", "") || it.Source != "uji-feed" || it.Region != "jawa-timur" || it.Fetched.IsZero() {
			t.Errorf("item fields wrong: %+v", it)
		}
		if strings.Contains(it.URL, "utm_") {
			t.Errorf("tracking parameters kept in %s", it.URL)
		}
	}
	titles := 0
	for _, f := range fx {
		it, ok := byURL[s.URL+f.path]
		if !ok {
			t.Errorf("no item for %s", f.path)
			continue
		}
		if strings.Contains(strings.ToLower(it.Title), strings.ToLower(f.title)) {
			titles++
		}
		if it.Published.IsZero() || math.Abs(it.Published.Sub(f.date).Hours()) > 24 {
			t.Errorf("%s: published %v, want about %v", f.path, it.Published, f.date)
		}
		if len(it.Text) < 100 {
			t.Errorf("%s: text too short: %q", f.path, it.Text)
		}
	}
	if titles < len(fx)-1 {
		t.Errorf("titles matched %d of %d", titles, len(fx))
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	// Second run over unchanged fixtures: nothing new, no article fetched again.
	c2 := testCrawler(s, dir)
	defer c2.Close()
	items2, st2 := collect(t, c2, src)
	if len(items2) != 0 || st2.Seen != len(fx) {
		t.Errorf("second run: %d new items, %d seen, want 0 and %d", len(items2), st2.Seen, len(fx))
	}
	for _, f := range fx {
		if n := s.hit(f.path); n != 1 {
			t.Errorf("%s fetched %d times over two runs", f.path, n)
		}
	}
	if n := s.hit("/robots.txt"); n < 1 || n > 2 {
		t.Errorf("robots.txt fetched %d times", n)
	}
}

func TestInterruptedRunResumes(t *testing.T) {
	fx := loadFixtures(t)
	s := newSite(t)
	serveFixtures(t, s, fx)
	dir := t.TempDir()
	src := Source{Name: "uji-resume", Kind: KindSitemap, URLs: []string{s.URL + "/"}, Workers: 1}

	c := testCrawler(s, dir, WithWorkers(1))
	stop := errors.New("operator pressed Ctrl-C")
	var first []netra.Item
	_, err := c.Run(context.Background(), src, func(it netra.Item) error {
		if len(first) == 5 {
			return stop
		}
		first = append(first, it)
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("interrupted run returned %v", err)
	}
	c.Close()

	checkResumed(t, s, dir, src, first, len(fx))
	for _, f := range fx {
		if n := s.hit(f.path); n > 2 {
			t.Errorf("%s fetched %d times", f.path, n)
		}
	}
	if s.hit("/sitemap.xml") == 0 {
		t.Error("sitemap not discovered through robots.txt")
	}
}

func TestSitemapSince(t *testing.T) {
	fx := loadFixtures(t)
	s := newSite(t)
	serveFixtures(t, s, fx)
	// Pretend it is 2016-02-20: only pages modified since 2016-02-13 qualify.
	now := time.Date(2016, 2, 20, 0, 0, 0, 0, time.UTC)
	c := testCrawler(s, t.TempDir(), WithClock(func() time.Time { return now }))
	defer c.Close()
	src := Source{Name: "uji-since", Kind: KindSitemap, URLs: []string{s.URL + "/sitemap.xml"}, Since: 7 * 24 * time.Hour}
	items, st := collect(t, c, src)
	want := 0
	for _, f := range fx {
		if !f.date.Before(now.Add(-src.Since)) {
			want++
		}
	}
	t.Logf("since: %d items, %d filtered, %d expected by lastmod", len(items), st.Filtered, want)
	if st.Filtered != len(fx)-want || len(items) != want {
		t.Fatalf("since filter: %d items, %d filtered, want %d and %d", len(items), st.Filtered, want, len(fx)-want)
	}
	for _, it := range items {
		if it.Published.Before(now.Add(-src.Since - 24*time.Hour)) {
			t.Errorf("%s published %v is older than since", it.URL, it.Published)
		}
	}
}

func TestHTMLListing(t *testing.T) {
	fx := loadFixtures(t)[:6]
	s := newSite(t)
	serveFixtures(t, s, fx)
	s.mux.HandleFunc("/indeks", func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("hal"))
		fmt.Fprint(w, `<html><body><ul class="berita">`)
		for i := page * 2; i < page*2+2 && i < len(fx); i++ {
			fmt.Fprintf(w, `<li><a class="judul" href="%s">Berita %d</a></li>`, fx[i].path, i)
		}
		fmt.Fprintf(w, `</ul><a class="iklan" href="/admin/x">iklan</a><a class="lanjut" href="/indeks?hal=%d">Berikutnya</a></body></html>`, page+1)
	})
	c := testCrawler(s, t.TempDir())
	defer c.Close()
	src := Source{Name: "uji-html", Kind: KindHTML, URLs: []string{s.URL + "/indeks?hal=0"}, LinkSelector: "ul.berita a.judul", NextSelector: "a.lanjut", MaxPages: 2}
	items, st := collect(t, c, src)
	if len(items) != 4 || st.Pages != 2 {
		t.Errorf("listing: %d items over %d pages, want 4 over 2 (max_pages)", len(items), st.Pages)
	}
	if s.hit("/indeks") != 2 {
		t.Errorf("listing fetched %d times", s.hit("/indeks"))
	}
}

func TestTelegramPreview(t *testing.T) {
	s := newSite(t)
	p1, _ := os.ReadFile("testdata/telegram-page1.html")
	p2, _ := os.ReadFile("testdata/telegram-page2.html")
	s.mux.HandleFunc("/s/infopilkadacontoh", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Query().Get("before") == "101" {
			w.Write(p2)
			return
		}
		w.Write(p1)
	})
	c := testCrawler(s, t.TempDir())
	defer c.Close()
	src := Source{Name: "uji-tg", Kind: KindTelegram, URLs: []string{s.URL + "/s/infopilkadacontoh"}, Region: "jawa-barat", MaxPages: 5}
	items, st := collect(t, c, src)
	if len(items) != 4 || st.Pages != 2 {
		t.Fatalf("telegram: %d items over %d pages, want 4 text posts over 2 pages: %+v", len(items), st.Pages, st)
	}
	first := items[0]
	if first.URL != "https://t.me/infopilkadacontoh/101" || first.Meta["views"] != "12.4K" ||
		!first.Published.Equal(time.Date(2024, 2, 1, 8, 30, 0, 0, time.UTC)) ||
		!strings.Contains(first.Text, "camat terekam mengajak warga") || !strings.Contains(first.Text, "\n") ||
		first.Meta["links"] != "https://berita.contoh.id/daerah/camat-ajak-warga" || first.Kind != "post" {
		t.Errorf("first post: %+v", first)
	}
	if items[3].URL != "https://t.me/infopilkadacontoh/100" {
		t.Errorf("older page not read: %+v", items[3])
	}
	// Channel posts are authored by the channel: the owner name shown,
	// else the page's channel title (og:title), else @username.
	for i, it := range items {
		want := "Info Pilkada Contoh"
		if i >= 2 {
			want = "@infopilkadacontoh" // page 2 names no title
		}
		if it.Language != "id" || it.Meta["language_detected"] != "id" {
			t.Errorf("post %d: language %q (detected %q), want id", i, it.Language, it.Meta["language_detected"])
		}
		if it.Author != want || it.Meta["channel"] != "infopilkadacontoh" {
			t.Errorf("post %d: author %q, channel %q; want %q", i, it.Author, it.Meta["channel"], want)
		}
	}
	// Second run: everything already taken.
	again, _ := collect(t, c, src)
	if len(again) != 0 {
		t.Errorf("second run emitted %d posts again", len(again))
	}
}

func TestMastodonTag(t *testing.T) {
	s := newSite(t)
	body, _ := os.ReadFile("testdata/mastodon-tag.json")
	var asked []string
	s.mux.HandleFunc("/api/v1/timelines/tag/pilkada", func(w http.ResponseWriter, r *http.Request) {
		asked = append(asked, r.URL.RawQuery)
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Query().Get("max_id") != "" {
			fmt.Fprint(w, "[]")
			return
		}
		w.Write(body)
	})
	c := testCrawler(s, t.TempDir())
	defer c.Close()
	src := Source{Name: "uji-masto", Kind: KindMastodon, Instance: s.URL, Tag: "pilkada"}
	items, _ := collect(t, c, src)
	if len(items) != 2 {
		t.Fatalf("mastodon: %d items", len(items))
	}
	it := items[0]
	if it.URL != "https://social.contoh.id/@warga/111900000000000002" || it.Author != "warga" ||
		it.Text != "Guru PNS di sekolah kami disuruh pakai kaos paslon saat upacara. #pilkada\nApa boleh begitu?" ||
		it.Language != "id" || it.Meta["tags"] != "pilkada" {
		t.Errorf("status: %+v", it)
	}
	if len(asked) != 2 || !strings.Contains(asked[1], "max_id=111900000000000001") {
		t.Errorf("paging: %v", asked)
	}
}

func TestUserAgentHasContact(t *testing.T) {
	s := newSite(t)
	var ua string
	s.mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		ua = r.UserAgent()
		fmt.Fprint(w, "<html><body><article><p>"+strings.Repeat("Bupati meresmikan jembatan baru di desa. ", 20)+"</p></article></body></html>")
	})
	c := testCrawler(s, t.TempDir())
	defer c.Close()
	collect(t, c, Source{Name: "ua", Kind: KindURL, URLs: []string{s.URL + "/a"}})
	if ua != "NetraBot/1.0 (+https://netra.example/crawler)" {
		t.Errorf("User-Agent %q", ua)
	}
}

var _ = url.Parse

func TestCanonicalAndContentDedup(t *testing.T) {
	s := newSite(t)
	page := article("Bupati Lantik Pejabat", "Bupati melantik sejumlah pejabat eselon dua di pendopo kabupaten pada Senin pagi.")
	s.mux.HandleFunc("/amp/berita/1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, strings.Replace(page, "<head>", `<head><link rel="canonical" href="/berita/1">`, 1))
	})
	s.mux.HandleFunc("/berita/1", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
	s.mux.HandleFunc("/salinan/1", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
	c := testCrawler(s, t.TempDir(), WithWorkers(1))
	defer c.Close()
	items, st := collect(t, c, Source{Name: "dedup", Kind: KindURL, Workers: 1, URLs: []string{
		s.URL + "/amp/berita/1?utm_source=wa", s.URL + "/berita/1#komentar", s.URL + "/berita/1?fbclid=x", s.URL + "/salinan/1"}})
	if len(items) != 1 {
		t.Fatalf("%d items from one article under four URLs: %+v", len(items), st)
	}
	// /salinan/1 is a verbatim copy under its own name; which of the two
	// is fetched first is up to the scheduler, but never the AMP URL.
	if u := items[0].URL; u != s.URL+"/berita/1" && u != s.URL+"/salinan/1" {
		t.Errorf("item URL %s, want a canonical URL", u)
	}
	if st.Seen+st.Dup != 2 {
		t.Errorf("seen %d + duplicate content %d, want 2", st.Seen, st.Dup)
	}
}

func TestMaxItems(t *testing.T) {
	fx := loadFixtures(t)
	s := newSite(t)
	serveFixtures(t, s, fx)
	dir := t.TempDir()
	c := testCrawler(s, dir)
	src := Source{Name: "limit", Kind: KindFeed, URLs: []string{s.URL + "/feed.xml"}, MaxItems: 10}
	items, st := collect(t, c, src)
	if len(items) != 10 || st.Stopped != "max_items" {
		t.Errorf("max_items 10: %d items, stopped %q", len(items), st.Stopped)
	}
	// The next run takes the next ten.
	more, _ := collect(t, c, src)
	if len(more) != 10 {
		t.Errorf("second run: %d items", len(more))
	}
	c.Close()
}

func TestCanceledRunResumes(t *testing.T) {
	fx := loadFixtures(t)
	s := newSite(t)
	serveFixtures(t, s, fx)
	dir := t.TempDir()
	src := Source{Name: "uji-ctrl-c", Kind: KindFeed, URLs: []string{s.URL + "/feed.xml"}, Workers: 2}
	c := testCrawler(s, dir)
	ctx, cancel := context.WithCancel(context.Background())
	var first []netra.Item
	st, err := c.Run(ctx, src, func(it netra.Item) error {
		first = append(first, it)
		if len(first) == 4 {
			cancel() // as Ctrl-C does through signal.NotifyContext
		}
		return nil
	})
	if err != nil && !errors.Is(err, context.Canceled) {
		t.Fatalf("canceled run: %v", err)
	}
	if st.Stopped != "canceled" || len(first) >= len(fx) {
		t.Fatalf("run was not interrupted: %d items, stopped %q", len(first), st.Stopped)
	}
	c.Close()

	checkResumed(t, s, dir, src, first, len(fx))
}

// checkResumed runs src again on a fresh Crawler over the state in dir,
// after a run that emitted first and was stopped early, and checks that
// the second run resumed the pending URLs and that the two runs together
// emitted want distinct items, each exactly once.
func checkResumed(t *testing.T, s *site, dir string, src Source, first []netra.Item, want int) {
	t.Helper()
	c2 := testCrawler(s, dir)
	defer c2.Close()
	rest, st := collect(t, c2, src)
	if st.Resumed == 0 {
		t.Errorf("second run resumed nothing: %+v", st)
	}
	seen := map[string]int{}
	for _, it := range append(first, rest...) {
		seen[it.URL]++
	}
	for u, n := range seen {
		if n != 1 {
			t.Errorf("%s emitted %d times", u, n)
		}
	}
	if len(seen) != want {
		t.Errorf("two runs emitted %d distinct items, want %d", len(seen), want)
	}
}

func TestSitemapIndexNewsAndGzip(t *testing.T) {
	fx := loadFixtures(t)[:4]
	s := newSite(t)
	serveFixtures(t, s, fx)
	s.mux.HandleFunc("/sitemap-index.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>%[1]s/sitemap-lama.xml</loc><lastmod>2015-01-01</lastmod></sitemap>
<sitemap><loc><![CDATA[%[1]s/sitemap-news.xml.gz]]></loc><lastmod>2024-02-02T00:00:00+07:00</lastmod></sitemap>
</sitemapindex>`, s.URL)
	})
	s.mux.HandleFunc("/sitemap-lama.xml", func(w http.ResponseWriter, r *http.Request) {
		t.Error("child sitemap older than since was fetched")
	})
	s.mux.HandleFunc("/sitemap-news.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		fmt.Fprint(zw, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`)
		for i, f := range fx {
			date := "2024-02-01T08:00:00+07:00"
			if i == 0 {
				date = "2023-12-01T08:00:00+07:00" // too old
			}
			fmt.Fprintf(zw, `<url><loc>%s%s</loc><news:news><news:publication_date>%s</news:publication_date><news:title>%s</news:title></news:news></url>`, s.URL, f.path, date, xmlEscape(f.title))
		}
		fmt.Fprint(zw, `</urlset>`)
		zw.Close()
		w.Header().Set("Content-Type", "application/x-gzip")
		w.Write(buf.Bytes())
	})
	now := time.Date(2024, 2, 3, 0, 0, 0, 0, time.UTC)
	c := testCrawler(s, t.TempDir(), WithClock(func() time.Time { return now }))
	defer c.Close()
	// The fixture pages carry their own (2015-16) dates; the filter applies
	// to sitemap dates before fetching, so only the old entry is dropped there.
	items, st := collect(t, c, Source{Name: "uji-index", Kind: KindSitemap, URLs: []string{s.URL + "/sitemap-index.xml"}, Since: 7 * 24 * time.Hour})
	if s.hit("/sitemap-news.xml.gz") != 1 || s.hit(fx[0].path) != 0 {
		t.Errorf("news sitemap hits %d, old article hits %d", s.hit("/sitemap-news.xml.gz"), s.hit(fx[0].path))
	}
	if st.Pages != 2 {
		t.Errorf("%d sitemap documents read, want index + news sitemap", st.Pages)
	}
	// Filtered: the old child sitemap, the old entry, and the three fetched
	// pages whose own dates (2015-16) are older than since.
	if st.Filtered != 5 || len(items) != 0 || st.Fetched != 5 {
		t.Errorf("filtered %d, items %d, fetched %d; want 5, 0, 5", st.Filtered, len(items), st.Fetched)
	}
}

func TestMastodonAccount(t *testing.T) {
	s := newSite(t)
	body, _ := os.ReadFile("testdata/mastodon-tag.json")
	s.mux.HandleFunc("/api/v1/accounts/lookup", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("acct") != "pemantau@pemilu.contoh.id" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, `{"id":"2","username":"pemantau","acct":"pemantau@pemilu.contoh.id"}`)
	})
	s.mux.HandleFunc("/api/v1/accounts/2/statuses", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("max_id") != "" {
			fmt.Fprint(w, "[]")
			return
		}
		w.Write(body)
	})
	c := testCrawler(s, t.TempDir())
	defer c.Close()
	items, st := collect(t, c, Source{Name: "uji-akun", Kind: KindMastodon, Instance: s.URL, Account: "@pemantau@pemilu.contoh.id"})
	if len(items) != 2 || st.Pages != 3 {
		t.Errorf("account timeline: %d items over %d pages (lookup + 2)", len(items), st.Pages)
	}
	if len(items) == 2 && items[1].Text != "Rekap laporan pemantauan minggu ini sudah terbit.\nTerima kasih relawan." {
		t.Errorf("second status text %q", items[1].Text)
	}
}

func TestPerHostParallelism(t *testing.T) {
	s := newSite(t)
	var mu sync.Mutex
	inflight, peak := 0, 0
	s.mux.HandleFunc("/p/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inflight++
		peak = max(peak, inflight)
		mu.Unlock()
		time.Sleep(30 * time.Millisecond)
		mu.Lock()
		inflight--
		mu.Unlock()
		fmt.Fprint(w, article("Halaman "+r.URL.Path, "Rapat kerja pemerintah daerah membahas anggaran pendidikan dan kesehatan tahun depan nomor "+r.URL.Path+"."))
	})
	var urls []string
	for i := 0; i < 12; i++ {
		urls = append(urls, fmt.Sprintf("%s/p/%d", s.URL, i))
	}
	c := New(WithAllowedAddrs(s.addr()), WithHostLimits(2, 0), WithWorkers(8))
	defer c.Close()
	items, _ := collect(t, c, Source{Name: "par", Kind: KindURL, URLs: urls})
	if len(items) != 12 {
		t.Errorf("%d items", len(items))
	}
	if peak > 2 {
		t.Errorf("%d requests in flight to one host, limit 2", peak)
	}
}
