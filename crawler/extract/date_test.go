package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestDateInTextOnly covers pages whose only date is a line of visible
// text in the Indonesian way ("Jumat, 4 Desember 2026 10.15 WIB"): no
// meta tag, no JSON-LD, no date in the URL. go-htmldate reaches these only
// through its extensive search, which Netra's own date parser
// (third_party/dateparser, replacing go-dateparser) answers.
func TestDateInTextOnly(t *testing.T) {
	wib := time.FixedZone("WIB", 7*3600)
	para := strings.Repeat("Bupati meresmikan jembatan baru yang menghubungkan dua kecamatan di wilayah selatan kabupaten itu. ", 6)
	cases := []struct {
		line string
		want time.Time
	}{
		{"Jumat, 4 Desember 2026 10.15 WIB", time.Date(2026, 12, 4, 10, 15, 0, 0, wib)},
		{"Senin, 12 Agu 2024 | 07:30 WIB", time.Date(2024, 8, 12, 7, 30, 0, 0, wib)},
		{"Kamis, 05 Mei 2016", time.Date(2016, 5, 5, 0, 0, 0, 0, time.UTC)},
	}
	for _, c := range cases {
		page := fmt.Sprintf(`<!DOCTYPE html><html lang="id"><head><title>Jembatan baru diresmikan</title></head><body>
<nav><a href="/">Beranda</a> <a href="/daerah">Daerah</a></nav>
<article><h1>Jembatan baru diresmikan</h1><div class="tanggal">%s</div><p>%s</p><p>%s</p></article>
<footer>Hak cipta redaksi</footer></body></html>`, c.line, para, para)
		a, err := Page([]byte(page), "http://127.0.0.1/daerah/jembatan-baru", DefaultOptions())
		if err != nil {
			t.Fatalf("%q: %v", c.line, err)
		}
		// go-htmldate keeps the day (and the time with ExtractTime) but
		// reports it in UTC wall-clock terms; compare the wall clock.
		got := a.Published.Format("2006-01-02 15:04")
		want := c.want.Format("2006-01-02 15:04")
		if got != want && a.Published.Format(time.DateOnly) != c.want.Format(time.DateOnly) {
			t.Errorf("%q: published %v, want %v", c.line, a.Published, c.want)
		}
	}
}
