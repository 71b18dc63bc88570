package bleve_test

import (
	"bufio"
	"encoding/json"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/classifier"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/bleve"
)

// Benchmarks read the real corpora named by NETRA_BENCH_DIR (news.jsonl and
// posts.jsonl, see bench/store/run.sh) and skip without them.
//
//	NETRA_BENCH_DIR=DIR go test -run '^$' -bench . -benchtime 1x ./index/bleve
//
// NETRA_BENCH_RECORDS sets the size of the search benchmark's store
// (default 100000; the corpora are repeated with new IDs to reach it), and
// NETRA_BENCH_BATCH the upsert batch size (default 1000).

func benchItems(b *testing.B) []netra.Item {
	b.Helper()
	dir := os.Getenv("NETRA_BENCH_DIR")
	if dir == "" {
		b.Skip("NETRA_BENCH_DIR is not set")
	}
	var items []netra.Item
	for _, name := range []string{"news.jsonl", "posts.jsonl"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			b.Skipf("bench corpus: %v", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		kind := map[string]string{"news.jsonl": "news", "posts.jsonl": "post"}[name]
		for sc.Scan() {
			var row struct {
				ID, Source, URL, Title, Text, Published string
				CreatedAt                               string `json:"created_at"`
			}
			if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
				b.Fatalf("%s: %v", name, err)
			}
			items = append(items, netra.Item{
				ID: row.ID, Source: row.Source, Kind: kind, URL: row.URL, Title: row.Title, Text: row.Text,
				Published: parseBenchTime(row.Published + row.CreatedAt),
				Region:    benchRegions[hash(row.ID)%uint32(len(benchRegions))],
			})
		}
		f.Close()
		if err := sc.Err(); err != nil {
			b.Fatalf("%s: %v", name, err)
		}
	}
	return items
}

var benchRegions = []string{"dki-jakarta", "jawa-barat", "jawa-tengah", "jawa-timur", "sumatera-utara", "sulawesi-selatan", "bali", "papua"}

func parseBenchTime(s string) time.Time {
	for _, layout := range []string{time.RFC3339, "2006-01-02 15:04:05-07:00", "2006-01-02 15:04:05", time.RubyDate, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

func hash(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

// benchRecords makes n records from the corpus (repeating it with new IDs)
// with verdicts and reviews spread the way a monitoring store looks: about
// one in ten flagged, some already reviewed.
func benchRecords(items []netra.Item, n int) []netra.Record {
	cats := []string{"asn_support", "asn_campaign", "asn_event", "asn_social_media", "official_non_asn"}
	out := make([]netra.Record, n)
	for i := range out {
		it := items[i%len(items)]
		if i >= len(items) {
			it.ID = it.ID + "#" + strconv.Itoa(i/len(items))
		}
		h := hash(it.ID)
		v := netra.Verdict{ID: it.ID, Categories: []string{}, Hits: []netra.Hit{}, RulesVersion: "bench"}
		if h%10 == 0 {
			c := cats[h/10%uint32(len(cats))]
			v.Flagged = c != "official_non_asn"
			v.Score = 0.5 + float64(h%50)/100
			v.Categories = []string{c}
			end := min(len(it.Text), 120)
			v.Hits = []netra.Hit{{Rule: "rule-" + c, Category: c, Start: 0, End: end, Sentence: it.Text[:end], Terms: []string{"asn"}}}
		}
		r := netra.Record{Item: it, Verdict: v}
		switch h % 20 {
		case 1:
			r.Review = netra.Review{Status: netra.StatusConfirmed, Reviewer: "siti"}
		case 2:
			r.Review = netra.Review{Status: netra.StatusDismissed, Reviewer: "budi"}
		}
		out[i] = r
	}
	return out
}

func benchAnalyzer(b *testing.B) index.Analyzer {
	b.Helper()
	if os.Getenv("NETRA_BENCH_ANALYZER") == "words" {
		return index.Words
	}
	c, err := classifier.Default()
	if err != nil {
		b.Fatal(err)
	}
	return c.Analyze
}

// dirSize is the total size of the files under path.
func dirSize(path string) int64 {
	var n int64
	filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// cpuTime is the user+system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// fill upserts recs in batches and returns the elapsed time.
func fill(b *testing.B, s *bleve.Store, recs []netra.Record, batch int) time.Duration {
	b.Helper()
	start := time.Now()
	for i := 0; i < len(recs); i += batch {
		if err := s.Upsert(b.Context(), recs[i:min(i+batch, len(recs))]); err != nil {
			b.Fatal(err)
		}
	}
	return time.Since(start)
}

// BenchmarkUpsert measures upsert throughput of the news corpus (news-sized
// records, about 1.8 KB of text each) into a new store, with the
// classifier's analyser, batch by batch as `netra score --index` does.
func BenchmarkUpsert(b *testing.B) {
	items := benchItems(b)
	var news []netra.Item
	for _, it := range items {
		if it.Kind == "news" {
			news = append(news, it)
		}
	}
	recs := benchRecords(news, len(news))
	var bytes int64
	for _, r := range recs {
		bytes += int64(len(r.Item.Text) + len(r.Item.Title))
	}
	analyze := benchAnalyzer(b)
	batch := envInt("NETRA_BENCH_BATCH", 1000)
	b.ResetTimer()
	var total time.Duration
	cpu0 := cpuTime()
	for b.Loop() {
		s, err := bleve.Open(filepath.Join(b.TempDir(), "s"), bleve.WithAnalyzer(analyze))
		if err != nil {
			b.Fatal(err)
		}
		// Close is timed too: it waits for the search index to be on disk.
		start := time.Now()
		fill(b, s, recs, batch)
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
	}
	secs := total.Seconds() / float64(b.N)
	b.ReportMetric(float64(len(recs))/secs, "records/s")
	b.ReportMetric(float64(bytes)/secs/1e6, "MB/s")
	// CPU time, unlike wall time, does not depend on what else the machine
	// is running: records per CPU-second is the comparable figure.
	b.ReportMetric(float64(len(recs)*b.N)/(cpuTime()-cpu0).Seconds(), "records/cpu-s")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkSearch measures a reviewer's query (words + status filter +
// facets, 20 per page) over a store of NETRA_BENCH_RECORDS records. It
// repeats its queries, so the store's search cache is off: this is what the
// search index costs (review's BenchmarkWorkbench100k measures the cache).
func BenchmarkSearch(b *testing.B) {
	items := benchItems(b)
	n := envInt("NETRA_BENCH_RECORDS", 100000)
	recs := benchRecords(items, n)
	analyze := benchAnalyzer(b)
	dir := filepath.Join(b.TempDir(), "s")
	s, err := bleve.Open(dir, bleve.WithAnalyzer(analyze), bleve.WithSearchCache(false))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	took := fill(b, s, recs, envInt("NETRA_BENCH_BATCH", 1000))
	b.Logf("store size on disk: %d MB (netra.db %d MB)", dirSize(dir)>>20, dirSize(filepath.Join(dir, "netra.db"))>>20)
	b.Logf("built a store of %d records in %v (%.0f records/s)", n, took.Round(time.Millisecond), float64(n)/took.Seconds())
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.Logf("heap in use after build: %d MB", ms.HeapInuse>>20)

	texts := []string{"mendukung", "kampanye", "camat OR lurah", `"salam dua jari"`, "asn netral*", "prabowo gibran",
		"pns kampanye", "dukungan paslon", "bupati", "pilih OR coblos", "kepala desa", "anies"}
	queries := make([]index.Query, 0, 4*len(texts))
	for i, t := range texts {
		for _, st := range [][]netra.Status{{netra.StatusNew}, {netra.StatusConfirmed, netra.StatusEscalated}} {
			q := index.Query{Text: t, Statuses: st, Highlight: true,
				Facets: []string{index.FacetStatus, index.FacetCategory, index.FacetSource, index.FacetRegion}}
			if i%2 == 1 {
				q.Sort = index.SortScoreDesc
				q.Flagged = new(bool)
				*q.Flagged = true
			}
			queries = append(queries, q)
		}
	}
	// Warm up: first touches load segments and dictionaries.
	for _, q := range queries {
		if _, err := s.Search(b.Context(), q); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	var lat []time.Duration
	cpu0 := cpuTime()
	for b.Loop() {
		for _, q := range queries {
			start := time.Now()
			res, err := s.Search(b.Context(), q)
			lat = append(lat, time.Since(start))
			if err != nil {
				b.Fatal(err)
			}
			_ = res
		}
	}
	b.StopTimer()
	cpu := cpuTime() - cpu0
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50_ms")
	b.ReportMetric(pct(0.95), "p95_ms")
	b.ReportMetric(pct(0.99), "p99_ms")
	b.ReportMetric(float64(len(lat))/float64(b.N), "queries/op")
	// CPU per query (including background merging) does not depend on
	// what else the machine runs; latency does.
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(lat)), "cpu_ms/query")
	b.Logf("%d queries; p50 %.1f ms, p95 %.1f ms, max %.1f ms", len(lat), pct(0.5), pct(0.95), float64(lat[len(lat)-1].Microseconds())/1000)
}
