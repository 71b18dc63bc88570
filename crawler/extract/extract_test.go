package extract

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/netra-id/netra/crawler/fetch"
)

type expectation struct {
	Fixture  string `json:"fixture"`
	Function string `json:"function"`
	Expected struct {
		URL     string          `json:"url"`
		Title   string          `json:"title"`
		Date    json.RawMessage `json:"date"`
		Content string          `json:"content"`
	} `json:"expected"`
}

func loadExpectations(t *testing.T) map[string][]expectation {
	t.Helper()
	b, err := os.ReadFile("testdata/anpandu/expected_extractions.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string][]expectation
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// words splits text into lower-case word tokens, for a bag-of-words
// comparison that ignores how paragraphs were joined.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// tokenF1 is the bag-of-words F1 of got against want.
func tokenF1(got, want string) (p, r, f float64) {
	gw, ww := words(got), words(want)
	if len(gw) == 0 || len(ww) == 0 {
		return 0, 0, 0
	}
	bag := map[string]int{}
	for _, w := range ww {
		bag[w]++
	}
	common := 0
	for _, w := range gw {
		if bag[w] > 0 {
			bag[w]--
			common++
		}
	}
	p, r = float64(common)/float64(len(gw)), float64(common)/float64(len(ww))
	if common == 0 {
		return p, r, 0
	}
	return p, r, 2 * p * r / (p + r)
}

func norm(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// The comparison with the fixtures' expectations (also in the README):
//   - title: equal after case and whitespace folding, or the expected title
//     contained in ours (sites append " | Site" to <title>), on 25 of 26;
//   - date: within 7h05m of the expected instant (the reference scraper read
//     WIB wall-clock times as UTC or the other way round); when the page only
//     yields a day (midnight UTC), that day must be the expected day in WIB;
//   - text: bag-of-words F1 of our main text against the reference text
//     (which is one scraper's output, not the only right answer): a mean of
//     at least 0.945 over the 26 pages and at least 0.80 on every one. The
//     closest: a detik photo page (0.82, its rubric and photographer line
//     stay) and liputan6's caption-only photo page (0.85, the reference
//     repeats the first caption for every photo).
func TestAnpanduArticles(t *testing.T) {
	var sites []string
	exp := loadExpectations(t)
	for k := range exp {
		sites = append(sites, k)
	}
	sort.Strings(sites)
	var n int
	var sumF float64
	titles, dates, good := 0, 0, 0
	for _, site := range sites {
		for _, e := range exp[site] {
			if e.Function != "getDataFromSinglePage" {
				continue
			}
			n++
			raw, err := os.ReadFile(filepath.Join("testdata/anpandu", strings.TrimPrefix(e.Fixture, "html/")))
			if err != nil {
				t.Fatal(err)
			}
			body, _ := fetch.Decode(raw, "text/html")
			a, err := Page(body, e.Expected.URL, testOpts)
			if err != nil {
				t.Errorf("%s: %v", e.Fixture, err)
				continue
			}
			if nt, ne := norm(a.Title), norm(e.Expected.Title); nt == ne || strings.Contains(nt, ne) {
				titles++
			} else {
				t.Logf("%s: title %q, want %q", e.Fixture, a.Title, e.Expected.Title)
			}
			ms, _ := strconv.ParseInt(strings.Trim(string(e.Expected.Date), `"`), 10, 64)
			want := time.UnixMilli(ms)
			wib := time.FixedZone("WIB", 7*3600)
			dayOnly := a.Published.UTC().Format("15:04:05") == "00:00:00"
			if d := a.Published.Sub(want); !a.Published.IsZero() && math.Abs(d.Hours()) <= 7.09 {
				dates++
			} else if dayOnly && a.Published.UTC().Format(time.DateOnly) == want.In(wib).Format(time.DateOnly) {
				dates++
			} else {
				t.Errorf("%s: date %v, want %v (±7h)", e.Fixture, a.Published, want.UTC())
			}
			p, r, f := tokenF1(a.Text, e.Expected.Content)
			sumF += f
			t.Logf("%-45s P=%.2f R=%.2f F1=%.2f", e.Fixture, p, r, f)
			if f >= 0.80 {
				good++
			} else {
				t.Logf("%s: text F1 %.2f < 0.80 (P=%.2f R=%.2f)\n got: %.200q\nwant: %.200q", e.Fixture, f, p, r, a.Text, e.Expected.Content)
			}
		}
	}
	if n < 26 {
		t.Fatalf("only %d article expectations", n)
	}
	mean := sumF / float64(n)
	t.Logf("%d pages: titles %d/%d, dates %d/%d, text F1>=0.80 %d/%d, mean text F1 %.3f", n, titles, n, dates, n, good, n, mean)
	if titles < 25 {
		t.Errorf("titles: %d/%d match, want >= 25 (republika's <title> drops the \"In Picture:\" prefix)", titles, n)
	}
	if dates < n {
		t.Errorf("dates: %d/%d match", dates, n)
	}
	if mean < 0.945 || good < n {
		t.Errorf("text extraction below the bar: mean F1 %.3f (want >= 0.945), %d pages >= 0.80 (want all %d)", mean, good, n)
	}
}

var testOpts = DefaultOptions()

// BenchmarkPage extracts the 26 anpandu article pages; reports MB/s of HTML.
func BenchmarkPage(b *testing.B) {
	matches, _ := filepath.Glob("testdata/anpandu/*/*singlepage*.html")
	var pages [][]byte
	var total int64
	for _, m := range matches {
		raw, err := os.ReadFile(m)
		if err != nil {
			b.Fatal(err)
		}
		body, _ := fetch.Decode(raw, "text/html")
		pages = append(pages, body)
		total += int64(len(body))
	}
	b.SetBytes(total)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			Page(p, "https://berita.contoh.id/a", DefaultOptions())
		}
	}
	b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

func FuzzPage(f *testing.F) {
	f.Add([]byte("<html><head><title>Judul</title><link rel=canonical href=/a></head><body><article><p>Isi berita yang cukup panjang untuk diekstrak oleh trafilatura.</p></article>"))
	f.Add([]byte("<table><tr><td><div><p><b><i></table></p>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := Page(b, "https://berita.contoh.id/x", Options{})
		if err == nil && a.Text == "" {
			t.Fatal("no error but no text")
		}
	})
}
