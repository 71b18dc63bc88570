package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestCrawlCommand crawls a local site of two real-shaped articles (one a
// possible ASN partisan act) through classifier and embedded store, then
// again to show nothing is fetched twice.
func TestCrawlCommand(t *testing.T) {
	var mu sync.Mutex // the server answers on many goroutines
	hits := map[string]int{}
	mux := http.NewServeMux()
	page := func(title, body string) string {
		return "<html><head><title>" + title + "</title></head><body><nav>Beranda | Daerah</nav><article><h1>" + title + "</h1>" + body + "</article><footer>Redaksi</footer></body></html>"
	}
	mux.HandleFunc("/berita/camat", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("Camat Ajak Warga Pilih Paslon Nomor 2",
			"<p>Seorang camat yang berstatus PNS terekam mengajak warga untuk mendukung dan memilih pasangan calon bupati nomor urut 2 dalam acara pengajian di desa. Dalam video yang beredar, camat tersebut menyampaikan ajakan itu di depan puluhan warga.</p>"+
				"<p>Bawaslu kabupaten menyatakan akan memanggil camat tersebut untuk dimintai klarifikasi terkait dugaan pelanggaran netralitas ASN dalam pilkada.</p>"))
	})
	mux.HandleFunc("/berita/jembatan", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("Jembatan Desa Selesai Diperbaiki",
			"<p>Jembatan penghubung dua desa di kecamatan selatan selesai diperbaiki setelah rusak diterjang banjir bulan lalu. Warga kini kembali dapat mengangkut hasil panen ke pasar kabupaten tanpa harus memutar jauh.</p>"+
				"<p>Perbaikan dikerjakan selama tiga minggu dengan dana tanggap darurat dari pemerintah provinsi.</p>"))
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	defer srv.Close()
	dir := t.TempDir()
	sources := filepath.Join(dir, "sources.yaml")
	err := os.WriteFile(sources, []byte(fmt.Sprintf(`contact: https://netra.example/crawler
sources:
  - name: lokal
    kind: url
    region: jawa-tengah
    urls: [%[1]s/berita/camat, %[1]s/berita/jembatan, %[1]s/berita/hilang]
`, srv.URL)), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"--data", filepath.Join(dir, "data"), "crawl", "--sources", sources, "--once", "--allow-addr", strings.TrimPrefix(srv.URL, "http://")}
	out, errOut, err := runNetra(t, "", args...)
	if err != nil {
		t.Fatalf("crawl: %v\n%s", err, errOut)
	}
	for _, want := range []string{"lokal", "new 2,", "flagged 1,", "stored 2,", "errors 1 (http_404=1)"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	out, errOut, err = runNetra(t, "", args...)
	if err != nil {
		t.Fatalf("second crawl: %v\n%s", err, errOut)
	}
	if !strings.Contains(out, "new 0,") || !strings.Contains(out, "seen before 3") {
		t.Errorf("second run summary:\n%s", out)
	}
	mu.Lock()
	if hits["/berita/camat"] != 1 || hits["/berita/jembatan"] != 1 {
		t.Errorf("articles fetched again: %v", hits)
	}
	mu.Unlock()
	if _, _, err := runNetra(t, "", "--data", filepath.Join(dir, "data"), "crawl", "--sources", sources, "--once", "--source", "tidak-ada"); err == nil || !strings.Contains(err.Error(), "tidak-ada") {
		t.Errorf("unknown --source: %v", err)
	}
}
