package crawler

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/crawler/fetch"
)

// article is a small real-looking page with enough text to extract.
func article(title, para string) string {
	return "<html><head><title>" + title + "</title></head><body><nav>Beranda | Daerah</nav><article><h1>" + title +
		"</h1><p>" + strings.Repeat(para+" ", 8) + "</p><p>" + strings.Repeat(para+" ", 6) + "</p></article><footer>Hak cipta</footer></body></html>"
}

// hostileCrawler has small limits so every case ends quickly.
func hostileCrawler(s *site, extra ...Option) *Crawler {
	opts := []Option{
		WithAllowedAddrs(s.addr()),
		WithHostLimits(4, 0),
		WithTimeout(800 * time.Millisecond),
		WithMaxBody(256 << 10),
		WithMaxRedirects(3),
		WithRetries(1, 10*time.Millisecond),
		WithMaxRetryAfter(2 * time.Second),
	}
	return New(append(opts, extra...)...)
}

// runURLs crawls the given paths as single URLs and reports items, stats
// and how many bytes were allocated meanwhile (memory must stay bounded).
func runURLs(t *testing.T, c *Crawler, urls ...string) ([]netra.Item, RunStats, uint64) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var items []netra.Item
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	st, err := c.Run(ctx, Source{Name: "hostile", Kind: KindURL, URLs: urls}, func(it netra.Item) error {
		items = append(items, it)
		return nil
	})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	if ctx.Err() != nil {
		t.Fatal("run did not finish within its limits")
	}
	return items, st, after.TotalAlloc - before.TotalAlloc
}

func wantReason(t *testing.T, st RunStats, reason string) {
	t.Helper()
	if st.Errors[reason] == 0 {
		t.Errorf("want failure reason %q, got %v (samples %v)", reason, st.Errors, st.Samples)
	}
}

func TestHostileSlowDrip(t *testing.T) {
	s := newSite(t)
	s.mux.HandleFunc("/drip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fl := w.(http.Flusher)
		for i := 0; ; i++ {
			if _, err := w.Write([]byte("<p>a")); err != nil {
				return
			}
			fl.Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
	s.mux.HandleFunc("/stall", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // never answers
	})
	c := hostileCrawler(s, WithRetries(0, 0))
	items, st, _ := runURLs(t, c, s.URL+"/drip", s.URL+"/stall")
	if len(items) != 0 || st.Errors[fetch.ReasonTimeout] != 2 {
		t.Errorf("slow drip: %d items, errors %v", len(items), st.Errors)
	}
}

func TestHostileEndlessRedirects(t *testing.T) {
	s := newSite(t)
	s.mux.HandleFunc("/loop/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/loop/"), "%d", &n)
		http.Redirect(w, r, fmt.Sprintf("/loop/%d", n+1), http.StatusFound)
	})
	c := hostileCrawler(s)
	_, st, _ := runURLs(t, c, s.URL+"/loop/0")
	wantReason(t, st, fetch.ReasonRedirects)
	if n := s.hit("/loop/5"); n != 0 {
		t.Errorf("followed more than 3 redirects")
	}
}

func TestHostileHugeBody(t *testing.T) {
	s := newSite(t)
	const twoGB = 2 << 30
	chunk := bytes.Repeat([]byte("<p>pemilu "), 6554)
	stream := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for sent := 0; sent < twoGB; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}
	s.mux.HandleFunc("/2gb-declared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(twoGB))
		stream(w, r)
	})
	s.mux.HandleFunc("/2gb-chunked", stream)
	c := hostileCrawler(s)
	items, st, alloc := runURLs(t, c, s.URL+"/2gb-declared", s.URL+"/2gb-chunked")
	if len(items) != 0 || st.Errors[fetch.ReasonTooLarge] != 2 {
		t.Errorf("2 GB bodies: %d items, errors %v", len(items), st.Errors)
	}
	if alloc > 64<<20 {
		t.Errorf("allocated %d MB for two 2 GB bodies with a 256 KB limit", alloc>>20)
	}
}

func TestHostileGzipBomb(t *testing.T) {
	s := newSite(t)
	var bomb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	zeros := make([]byte, 1<<20)
	for i := 0; i < 256; i++ { // 256 MB of zeros in ~250 KB
		zw.Write(zeros)
	}
	zw.Close()
	s.mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb.Bytes())
	})
	s.mux.HandleFunc("/bomb-sitemap.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/gzip")
		w.Write(bomb.Bytes())
	})
	c := hostileCrawler(s, WithMaxBody(512<<10))
	_, st, alloc := runURLs(t, c, s.URL+"/bomb")
	wantReason(t, st, fetch.ReasonTooLarge)
	if alloc > 64<<20 {
		t.Errorf("gzip bomb allocated %d MB", alloc>>20)
	}
	// The same bomb as a compressed sitemap file.
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	st2, err := c.Run(context.Background(), Source{Name: "bomb-map", Kind: KindSitemap, URLs: []string{s.URL + "/bomb-sitemap.xml.gz"}}, func(netra.Item) error { return nil })
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	wantReason(t, st2, fetch.ReasonTooLarge)
	if d := after.TotalAlloc - before.TotalAlloc; d > 64<<20 {
		t.Errorf("sitemap gzip bomb allocated %d MB", d>>20)
	}
}

func TestHostileCharsets(t *testing.T) {
	s := newSite(t)
	// Declared UTF-8, really windows-1252 (curly quotes 0x93/0x94, é 0xE9).
	cp1252 := []byte(article("Kunjungan ke Kafe", "Menurut \x93pengamat\x94, kunjungan pejabat ke kafe itu dibahas warga caf\xe9 setempat dengan serius."))
	s.mux.HandleFunc("/cp1252", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(cp1252)
	})
	// Declared iso-8859-1, really UTF-8.
	utf := []byte(article("Rapat Koordinasi", "Rapat koordinasi “netralitas ASN” digelar di aula kantor bupati — semua camat hadir."))
	s.mux.HandleFunc("/utf8-as-latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write(utf)
	})
	// Only a <meta> declares iso-8859-1 (é as 0xE9).
	meta := []byte(strings.Replace(article("Pemilihan", "Panitia pemilihan menyiapkan kotak suara untuk caf\xe9 dan balai desa di seluruh kecamatan."), "<head>", `<head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`, 1))
	s.mux.HandleFunc("/meta-latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(meta)
	})
	c := hostileCrawler(s)
	items, st, _ := runURLs(t, c, s.URL+"/cp1252", s.URL+"/utf8-as-latin1", s.URL+"/meta-latin1")
	if len(items) != 3 {
		t.Fatalf("%d items, errors %v", len(items), st.Errors)
	}
	got := map[string]string{}
	for _, it := range items {
		got[it.URL[len(s.URL):]] = it.Text
	}
	if !strings.Contains(got["/cp1252"], "“pengamat”") || !strings.Contains(got["/cp1252"], "café") {
		t.Errorf("cp1252 declared as utf-8 decoded wrong: %.120q", got["/cp1252"])
	}
	if !strings.Contains(got["/utf8-as-latin1"], "“netralitas ASN”") || !strings.Contains(got["/utf8-as-latin1"], "—") {
		t.Errorf("utf-8 declared as latin-1 decoded wrong: %.120q", got["/utf8-as-latin1"])
	}
	if !strings.Contains(got["/meta-latin1"], "café") {
		t.Errorf("meta-declared latin-1 decoded wrong: %.120q", got["/meta-latin1"])
	}
}

func TestHostileMalformedHTML(t *testing.T) {
	s := newSite(t)
	para := "Sekretaris daerah menghadiri rapat evaluasi anggaran bersama seluruh kepala dinas kabupaten."
	pages := map[string]string{
		"/unclosed": "<html><head><title>Rapat<body><div><p>" + strings.Repeat(para+" <b><i>", 20) + "<table><tr><td>",
		"/deep":     "<html><body>" + strings.Repeat("<div>", 20000) + "<p>" + strings.Repeat(para+" ", 10) + "</p>",
		"/garbage":  "\x00\x01<<<>>>&&&;;<!-- <script>\xff\xfe" + strings.Repeat("</p></div>", 1000),
		"/binary":   string(bytes.Repeat([]byte{0x89, 'P', 'N', 'G', 0, 0, 0x1a}, 5000)),
	}
	for p, body := range pages {
		body := body
		s.mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, body)
		})
	}
	c := hostileCrawler(s)
	items, st, _ := runURLs(t, c, s.URL+"/unclosed", s.URL+"/deep", s.URL+"/garbage", s.URL+"/binary")
	if len(items)+st.ErrorCount() != 4 {
		t.Errorf("every page must end as an item or a recorded failure: %d items, %v", len(items), st.Errors)
	}
	found := false
	for _, it := range items {
		if strings.Contains(it.Text, "Sekretaris daerah") {
			found = true
		}
	}
	if !found {
		t.Errorf("no text recovered from unclosed markup: %v", st.Errors)
	}
}

func TestHostileRobotsDisallow(t *testing.T) {
	s := newSite(t)
	s.mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nAllow: /\n\nUser-agent: NetraBot\nDisallow: /rahasia/\nCrawl-delay: 0.2\n")
	})
	s.mux.HandleFunc("/rahasia/1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, article("Rahasia", "Halaman ini tidak boleh diambil oleh NetraBot sama sekali."))
	})
	s.mux.HandleFunc("/terbuka/1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, article("Terbuka", "Halaman ini boleh diambil karena tidak dilarang robots.txt."))
	})
	c := hostileCrawler(s)
	items, st, _ := runURLs(t, c, s.URL+"/rahasia/1", s.URL+"/terbuka/1")
	if st.Robots != 1 || len(items) != 1 || s.hit("/rahasia/1") != 0 {
		t.Errorf("robots: %d skipped, %d items, disallowed page hit %d times", st.Robots, len(items), s.hit("/rahasia/1"))
	}
	if d := c.hosts.Delay(s.addr()); d < 200*time.Millisecond {
		t.Errorf("Crawl-delay not applied: host delay %v", d)
	}
}

func TestHostileRetryAfter(t *testing.T) {
	s := newSite(t)
	calls := 0
	s.mux.HandleFunc("/sibuk", func(w http.ResponseWriter, r *http.Request) {
		calls++
		if calls == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, article("Sibuk", "Server sempat sibuk lalu menjawab dengan berita tentang rapat pleno."))
	})
	s.mux.HandleFunc("/tutup", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	c := hostileCrawler(s, WithWorkers(1))
	before := c.hosts.Delay(s.addr())
	items, st, _ := runURLs(t, c, s.URL+"/sibuk")
	if len(items) != 1 || calls != 2 || st.Limited != 1 || st.Retried != 1 {
		t.Errorf("429 then 200: %d items after %d calls, stats %+v", len(items), calls, st)
	}
	if after := c.hosts.Delay(s.addr()); after < 900*time.Millisecond || after <= before {
		t.Errorf("host delay %v -> %v: must rise to Retry-After and recover slowly", before, after)
	}
	// A Retry-After beyond the crawler's limit fails at once, without
	// waiting or retrying, and the host stays paused.
	c2 := hostileCrawler(s)
	_, st2, _ := runURLs(t, c2, s.URL+"/tutup")
	wantReason(t, st2, fetch.ReasonRateLimited)
	if s.hit("/tutup") != 1 {
		t.Errorf("Retry-After beyond the limit must not be retried, got %d calls", s.hit("/tutup"))
	}
}

func TestHostilePrivateAddresses(t *testing.T) {
	s := newSite(t)
	inner := newSite(t) // a "private" service that must never be reached
	inner.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, article("Internal", "Data internal yang tidak boleh bocor ke crawler."))
	})
	s.mux.HandleFunc("/ke-lokal", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, inner.URL+"/admin", http.StatusFound)
	})
	s.mux.HandleFunc("/ke-metadata", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	})
	s.mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss><channel><item><link>%s/langsung</link></item><item><link>http://169.254.169.254/latest/meta-data/iam</link></item><item><link>%s/ke-lokal</link></item><item><link>%s/ke-metadata</link></item><item><link>http://localhost:%s/x</link></item></channel></rss>`,
			inner.URL, s.URL, s.URL, strings.Split(inner.addr(), ":")[1])
	})
	c := hostileCrawler(s)
	st, err := c.Run(context.Background(), Source{Name: "ssrf", Kind: KindFeed, URLs: []string{s.URL + "/feed.xml"}}, func(it netra.Item) error {
		t.Errorf("emitted %s", it.URL)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.Errors[fetch.ReasonBlocked] != 5 {
		t.Errorf("blocked %d of 5 private targets: %+v", st.Errors[fetch.ReasonBlocked], st)
	}
	inner.mu.Lock()
	defer inner.mu.Unlock()
	if len(inner.hits) != 0 {
		t.Errorf("private server reached: %v", inner.hits)
	}
}

func TestAllowPrivateSource(t *testing.T) {
	inner := newSite(t)
	inner.mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, article("Intranet", "Halaman intranet yang memang ingin dipantau oleh tim sendiri."))
	})
	c := New(WithHostLimits(2, 0), WithTimeout(2*time.Second))
	var n int
	_, err := c.Run(context.Background(), Source{Name: "intranet", Kind: KindURL, URLs: []string{inner.URL + "/a"}, AllowPrivate: true}, func(netra.Item) error { n++; return nil })
	if err != nil || n != 1 {
		t.Errorf("allow_private source: %d items, %v", n, err)
	}
}

func TestHostileHugeRobots(t *testing.T) {
	s := newSite(t)
	// 2 MB of comments, then a rule Google would never read (beyond 500 KiB).
	robots := "User-agent: *\nDisallow: /awal/\n" + strings.Repeat("# isi\n", 350000) + "Disallow: /akhir/\n"
	s.mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, robots) })
	for _, p := range []string{"/awal/1", "/akhir/1"} {
		s.mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, article("Berita "+r.URL.Path, "Kepala daerah meninjau pasar tradisional dan berbincang dengan para pedagang sayur."))
		})
	}
	c := hostileCrawler(s)
	items, st, _ := runURLs(t, c, s.URL+"/awal/1", s.URL+"/akhir/1")
	if st.Robots != 1 || len(items) != 1 || s.hit("/awal/1") != 0 {
		t.Errorf("oversized robots.txt: %d robots skips, %d items, /awal hit %d (want the first 500 KiB obeyed)", st.Robots, len(items), s.hit("/awal/1"))
	}
}
