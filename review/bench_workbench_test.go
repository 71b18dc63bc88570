package review

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// benchRecords is the size of the workbench benchmark's store; set
// NETRA_BENCH_RECORDS to try another.
func benchRecords() int {
	if n, err := strconv.Atoi(os.Getenv("NETRA_BENCH_RECORDS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// workbenchBenchRecords are n records shaped like a crawl: 40% flagged, a
// third of those copies in stories of two to six, places of 34 provinces and
// their regencies, a year of dates, a tenth reviewed by one of five people.
func workbenchBenchRecords(n int) []netra.Record {
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]netra.Record, 0, n)
	story := ""
	left := 0
	for i := range n {
		text := fmt.Sprintf("Warga desa %d melaporkan camat %d yang mengajak para pegawai mendukung paslon nomor urut %d dalam acara di balai desa pada hari Minggu, "+
			"sementara Bawaslu kabupaten %d menyatakan akan memanggil yang bersangkutan untuk klarifikasi pekan depan.", i%997, i%113, i%3+1, i%61)
		it := netra.Item{Source: fmt.Sprintf("src-%d", i%23), Kind: "news", Region: fmt.Sprintf("region-%d", i%34), Text: text,
			Title: fmt.Sprintf("Camat %d diduga tidak netral", i%113), Published: day.Add(time.Duration(i) * 5 * time.Minute),
			Meta: map[string]string{index.MetaPlaces: fmt.Sprintf("%d.%02d Kabupaten X%d; %d Provinsi", 11+i%34, 1+i%20, i%20, 11+i%34)}}
		it.ID = netra.ItemID("", it.Source, it.Text+strconv.Itoa(i))
		flagged := i%5 < 2
		if flagged && i%3 == 0 {
			if left == 0 {
				story, left = it.ID, 2+i%5
			}
			it.Meta[index.MetaStory] = story
			left--
		}
		s := len("Warga desa ")
		rec := netra.Record{Item: it, Verdict: netra.Verdict{ID: it.ID, Flagged: flagged, Score: float64(i%100) / 100,
			Categories: []string{"asn_partisan"}, Hits: []netra.Hit{{Rule: "asn-dukung-paslon", Category: "asn_partisan", Start: s, End: len(text), Sentence: text[s:]}}}}
		if i%10 == 0 {
			rec.Review = netra.Review{Status: netra.StatusConfirmed, Reviewer: fmt.Sprintf("reviewer-%d", i%5), UpdatedAt: day}
		}
		out = append(out, rec)
	}
	return out
}

// BenchmarkWorkbench100k measures the queue page (one row per story, the
// default), the queue with one row per record, the dashboard page and its
// API over 100,000 records in the embedded store, reporting p50 and p95 per
// request in milliseconds: a repeated view (the store's search cache
// answers), a view right after a review, and one right after a new record
// is stored, dated early or newer than all (the store brings its cached
// answers up to date with each write; write-p50/p95-ms is what the write
// took).
// Building the store takes a few minutes.
//
//	go test ./review -run '^$' -bench Workbench100k -benchtime 200x
func BenchmarkWorkbench100k(b *testing.B) {
	n := benchRecords()
	recs := workbenchBenchRecords(n)
	f := newFixture(b, withOptions(workbenchRules()))
	start := time.Now()
	for i := 0; i < len(recs); i += 1000 {
		if err := f.store.Upsert(context.Background(), recs[i:min(i+1000, len(recs))]); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("stored %d records in %v", n, time.Since(start))
	c, _ := f.login("rina", reviewerPW)
	const (
		none   = iota
		review // every timed view follows a review
		upsert // every timed view follows a new record, dated early
		newest // every timed view follows a new record newer than all
	)
	get := func(b *testing.B, path string) {
		resp, err := c.Get(f.ts.URL + path)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("%s: %d", path, resp.StatusCode)
		}
	}
	// write is a review of one record, as a reviewer's last action before
	// the next view, or a new record stored (a crawl's): one dated at the
	// start of the year (it lands at the end of the newest-first queue) or
	// one newer than every other (it tops the queue and its own story
	// row). The store brings its cached answers up to date with each
	// write; how long the write takes is reported as write-p50/p95-ms.
	st, w := netra.StatusEscalated, 0
	last := recs[len(recs)-1].Item.Published
	write := func(b *testing.B, kind int) time.Duration {
		if kind != review {
			r := workbenchBenchRecords(1)[0]
			r.Item.ID = fmt.Sprintf("baru-%d", w)
			r.Verdict.ID = r.Item.ID
			if kind == newest {
				r.Item.Published = last.Add(time.Duration(w+1) * time.Second)
				r.Item.Meta[index.MetaStory] = r.Item.ID
			}
			w++
			t0 := time.Now()
			if err := f.store.Upsert(context.Background(), []netra.Record{r}); err != nil {
				b.Fatal(err)
			}
			return time.Since(t0)
		}
		id := recs[w%len(recs)].Item.ID
		w++
		r, err := f.store.Get(context.Background(), id)
		if err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		if _, err := f.store.Review(context.Background(), id, index.ReviewUpdate{Status: &st, Who: "rina", BaseVersion: r.Version}); err != nil {
			b.Fatal(err)
		}
		return time.Since(t0)
	}
	for _, bc := range []struct {
		name, path string
		after      int
	}{
		{"queue-stories", "/?flagged=true", none},
		{"queue-stories-filtered", "/?flagged=true&place=33&status=new", none},
		{"queue-records", "/?flagged=true&stories=off", none},
		{"dashboard-page", "/dashboard?flagged=true", none},
		{"dashboard-api", "/api/v1/dashboard?flagged=true&place=33", none},
		{"queue-stories-after-review", "/?flagged=true", review},
		{"queue-stories-filtered-after-review", "/?flagged=true&place=33&status=new", review},
		{"queue-records-after-review", "/?flagged=true&stories=off", review},
		{"dashboard-page-after-review", "/dashboard?flagged=true", review},
		{"queue-stories-after-upsert", "/?flagged=true", upsert},
		{"queue-records-after-upsert", "/?flagged=true&stories=off", upsert},
		{"dashboard-page-after-upsert", "/dashboard?flagged=true", upsert},
		{"queue-stories-after-newest", "/?flagged=true", newest},
		{"queue-stories-filtered-after-newest", "/?flagged=true&place=33&status=new", newest},
		{"queue-records-after-newest", "/?flagged=true&stories=off", newest},
		{"dashboard-page-after-newest", "/dashboard?flagged=true", newest},
	} {
		b.Run(bc.name, func(b *testing.B) {
			get(b, bc.path) // warm caches as a reviewer's second view would
			var took, writes []time.Duration
			for b.Loop() {
				if bc.after != none {
					b.StopTimer()
					writes = append(writes, write(b, bc.after))
					b.StartTimer()
				}
				t0 := time.Now()
				get(b, bc.path)
				took = append(took, time.Since(t0))
			}
			b.ReportMetric(quantileMS(took, 0.50), "p50-ms")
			b.ReportMetric(quantileMS(took, 0.95), "p95-ms")
			if len(writes) > 0 {
				b.ReportMetric(quantileMS(writes, 0.50), "write-p50-ms")
				b.ReportMetric(quantileMS(writes, 0.95), "write-p95-ms")
			}
		})
	}
}

// quantileMS is the p quantile of ds in milliseconds.
func quantileMS(ds []time.Duration, p float64) float64 {
	s := slices.Clone(ds)
	slices.Sort(s)
	return float64(s[min(len(s)-1, int(p*float64(len(s))))].Microseconds()) / 1000
}
