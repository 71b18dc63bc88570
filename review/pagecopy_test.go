package review

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/crawler"
)

// crawlPages serves the saved pages at their paths on a local server,
// crawls them as a url source and returns the items, by path.
func crawlPages(t *testing.T, pages map[string]string) (map[string]netra.Item, *httptest.Server) {
	t.Helper()
	mux := http.NewServeMux()
	for path, file := range pages {
		body, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(body)
		})
	}
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	c := crawler.New(crawler.WithAllowedAddrs(strings.TrimPrefix(ts.URL, "http://")), crawler.WithStateDir(t.TempDir()), crawler.WithHostLimits(2, 0), crawler.WithTimeout(10*time.Second))
	defer c.Close()
	src := crawler.Source{Name: "uji", Kind: crawler.KindURL}
	for path := range pages {
		src.URLs = append(src.URLs, ts.URL+path)
	}
	out := map[string]netra.Item{}
	if _, err := c.Run(context.Background(), src, func(it netra.Item) error {
		out[strings.TrimPrefix(it.URL, ts.URL)] = it
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(out) != len(pages) {
		t.Fatalf("crawled %d items of %d pages: %v", len(out), len(pages), out)
	}
	return out, ts
}

// bundleFiles downloads an item's evidence ZIP and returns its files.
func bundleFiles(t *testing.T, f *fixture, id string) map[string][]byte {
	t.Helper()
	code, body, _ := f.do("GET", "/api/v1/items/"+id+"/evidence", "budi", viewerPW, nil)
	if code != 200 {
		t.Fatalf("evidence: %d %s", code, body)
	}
	return zipFiles(t, "evidence bundle", body)
}

// zipFiles returns the files of the ZIP archive data (what names it, for
// errors).
func zipFiles(t *testing.T, what string, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	files := map[string][]byte{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[zf.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return files
}

func asRecord(it netra.Item) netra.Record {
	return netra.Record{Item: it, Verdict: netra.Verdict{ID: it.ID, Flagged: true, Score: 0.9, Categories: []string{"asn_partisan"}}}
}

// TestFrozenPageFromCrawlToBundle crawls a real saved news page into the
// store and downloads its evidence bundle: page.html is the sanitised copy,
// its hash is in the manifest twice (as a file and as the hash recorded at
// fetch time) and matches the bytes.
func TestFrozenPageFromCrawlToBundle(t *testing.T) {
	items, _ := crawlPages(t, map[string]string{"/read/2015/11/04/polres.html": "../crawler/extract/testdata/anpandu/kompas/kompas-singlepage.html"})
	it := items["/read/2015/11/04/polres.html"]
	if it.Archive == nil || it.Archive.Fetched.IsZero() || it.Archive.SHA256 == "" {
		t.Fatalf("crawled item has no frozen copy: %+v", it.Archive)
	}
	f := newFixture(t, withRecords(asRecord(it)))
	stored, err := f.store.Get(t.Context(), it.ID)
	if err != nil || stored.Item.Archive == nil || stored.Item.Archive.SHA256 != it.Archive.SHA256 {
		t.Fatalf("the store lost the frozen copy: %v", err)
	}
	c, _ := f.login("budi", viewerPW)
	if code, page := f.page(c, "/items/"+it.ID); code != 200 || !strings.Contains(page, `id="page-copy"`) || !strings.Contains(page, it.Archive.SHA256[:16]) {
		t.Errorf("item page (%d) does not show the frozen copy's hash", code)
	}
	files := bundleFiles(t, f, it.ID)
	var m EvidenceManifest
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	page := files["page.html"]
	sum := sha256.Sum256(page)
	if hex.EncodeToString(sum[:]) != m.Files["page.html"] || m.PageSHA256 != m.Files["page.html"] || m.PageSHA256 != it.Archive.SHA256 {
		t.Errorf("page.html hashes to %x; manifest file hash %s, recorded %s, crawled %s", sum, m.Files["page.html"], m.PageSHA256, it.Archive.SHA256)
	}
	if !m.PageFetched.Equal(it.Archive.Fetched) || m.PageTruncated {
		t.Errorf("manifest page fetched %v (want %v), truncated %v", m.PageFetched, it.Archive.Fetched, m.PageTruncated)
	}
	if !bytes.Contains(page, []byte("Lhokseumawe")) || bytes.Contains(bytes.ToLower(page), []byte("<script")) {
		t.Errorf("page.html lacks the article or keeps a script (%d bytes)", len(page))
	}
}

// TestBrowserFrozenPageRunsNoScript opens page.html of a hostile page's
// bundle in a real browser: none of its script vectors runs and it loads
// nothing. The raw page, opened the same way, does run script, so the
// check can tell.
func TestBrowserFrozenPageRunsNoScript(t *testing.T) {
	items, ts := crawlPages(t, map[string]string{"/berita/camat-deklarasi.html": "testdata/hostile-article.html"})
	it := items["/berita/camat-deklarasi.html"]
	f := newFixture(t, withRecords(asRecord(it)))
	files := bundleFiles(t, f, it.ID)
	if len(files["page.html"]) == 0 {
		t.Fatal("no page.html in the bundle")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "page.html")
	if err := os.WriteFile(file, files["page.html"], 0o600); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t)
	pwned := func() string {
		t.Helper()
		// Give onload, onerror and ontoggle handlers time to fire.
		time.Sleep(500 * time.Millisecond)
		return run(b, chromedp.Evaluate[string](`String(window.pwned || "")`))
	}
	b.do(chromedp.Navigate(ts.URL + "/berita/camat-deklarasi.html"))
	if got := pwned(); got == "" {
		t.Fatalf("the raw hostile page ran no script (%q): the check cannot tell", got)
	}
	b.mu.Lock()
	b.requests = nil
	b.mu.Unlock()
	b.do(chromedp.Navigate("file://" + file))
	if got := pwned(); got != "" {
		t.Errorf("the frozen copy ran script: %q", got)
	}
	if n := run(b, chromedp.Evaluate[int](`document.querySelectorAll('script, iframe, svg, img, object, embed, style, link, a[href^="javascript"], [onclick], [onload], [onerror], [ontoggle]').length`)); n != 0 {
		t.Errorf("the frozen copy keeps %d elements that could run script or load something", n)
	}
	if text := run(b, chromedp.Evaluate[string](`document.body.innerText`)); !strings.Contains(text, "Bawaslu kabupaten menyatakan") {
		t.Errorf("the frozen copy lost the article: %q", text)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, u := range b.requests {
		if !strings.HasPrefix(u, "file://") {
			t.Errorf("the frozen copy loaded %s", u)
		}
	}
}

// TestForgedPageCopyIsNotBundled: an imported record can carry a "copy"
// that our crawler did not make — raw HTML with script, with a hash that
// matches it. The bundle leaves it out and says why.
func TestForgedPageCopyIsNotBundled(t *testing.T) {
	raw := []byte(`<!doctype html><html><body><script>alert(1)</script><p>Camat hadir</p></body></html>`)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(raw)
	zw.Close()
	sum := sha256.Sum256(raw)
	rec := rolesRecord(t)
	rec.Item.Archive = &netra.PageCopy{Fetched: time.Now().UTC(), SHA256: hex.EncodeToString(sum[:]), Size: len(raw), HTMLGzip: gz.Bytes()}
	f := newFixture(t, withRecords(rec))
	files := bundleFiles(t, f, rec.Item.ID)
	var m EvidenceManifest
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	if _, ok := files["page.html"]; ok || m.PageError == "" || m.Files["page.html"] != "" {
		t.Errorf("a forged copy was bundled (page_error %q)", m.PageError)
	}
	// A copy whose bytes do not match its recorded hash is left out too.
	rec.Item.Archive.SHA256 = strings.Repeat("0", 64)
	f2 := newFixture(t, withRecords(rec))
	files = bundleFiles(t, f2, rec.Item.ID)
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	if _, ok := files["page.html"]; ok || !strings.Contains(m.PageError, "SHA-256") {
		t.Errorf("a copy with the wrong hash was bundled (page_error %q)", m.PageError)
	}
}
