package alert_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/alert"
	"github.com/netra-id/netra/alert/alerttest"
	"github.com/netra-id/netra/index"
)

// benchWords are the words texts and saved searches draw from: 30 words
// of the domain and 570 others, so a one-word search matches about one
// text in twenty and a two-word one far fewer, as a reviewer's alert does.
var benchWords = append(fillerWords(570), strings.Fields("camat lurah guru bidan sekda kepala dinas kampanye dukung deklarasi relawan baliho "+
	"paslon partai calon bupati gubernur presiden foto jari salam pose unggah acara warga pasar harga beras jalan banjir")...)

func fillerWords(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("kata%03d", i)
	}
	return out
}

var benchRegions = []string{"Jawa Tengah", "Jawa Barat", "Jawa Timur", "DKI Jakarta", "Sumatera Utara", "Bali"}

// benchBatch is n records of 30 random words each.
func benchBatch(rng *rand.Rand, n, seq int) []netra.Record {
	recs := make([]netra.Record, n)
	for i := range recs {
		w := make([]string, 30)
		for j := range w {
			w[j] = benchWords[rng.IntN(len(benchWords))]
		}
		id := fmt.Sprintf("b%d-%04d", seq, i)
		recs[i] = alerttest.Rec(id, strings.Join(w, " "), benchRegions[rng.IntN(len(benchRegions))],
			"asn_kampanye", fmt.Sprintf("R%d", rng.IntN(8)), float64(rng.IntN(100))/100)
	}
	return recs
}

// benchFilters are n saved searches: one or two words, and a region or a
// rule or a score bound for most of them, as reviewers write them.
func benchFilters(rng *rand.Rand, n int) []alert.Filter {
	out := make([]alert.Filter, n)
	for i := range out {
		f := alert.Filter{Q: benchWords[rng.IntN(len(benchWords))]}
		if rng.IntN(2) == 0 {
			f.Q += " " + benchWords[rng.IntN(len(benchWords))]
		}
		switch rng.IntN(4) {
		case 0:
			f.Regions = []string{benchRegions[rng.IntN(len(benchRegions))]}
		case 1:
			f.Rules = []string{fmt.Sprintf("R%d", rng.IntN(8))}
		case 2:
			m := float64(rng.IntN(90)) / 100
			f.MinScore = &m
		}
		out[i] = f
	}
	return out
}

// benchMatch measures matching one stored batch of 256 records against
// 1,000 saved searches, the work the pipeline hook does per batch.
func benchMatch(b *testing.B, be alerttest.Backend) {
	rng := rand.New(rand.NewPCG(1, 2))
	filters := benchFilters(rng, 1000)
	// A store that already holds some records, as in use.
	for seq := range 8 {
		if err := be.Store.Upsert(b.Context(), benchBatch(rng, 256, seq)); err != nil {
			b.Fatal(err)
		}
	}
	batch := benchBatch(rng, 256, 99)
	if err := be.Store.Upsert(b.Context(), batch); err != nil {
		b.Fatal(err)
	}
	if err := index.Refresh(b.Context(), be.Store); err != nil {
		b.Fatal(err)
	}
	ids := make([]string, len(batch))
	for i, r := range batch {
		ids[i] = r.Item.ID
	}
	qs := make([]index.Query, len(filters))
	for i, f := range filters {
		qs[i] = f.Query(ids)
	}
	matched := 0
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		res, err := alert.MatchBatch(b.Context(), be.Store, qs)
		if err != nil {
			b.Fatal(err)
		}
		matched = 0
		for _, r := range res {
			matched += len(r)
		}
	}
	secs := time.Since(start).Seconds()
	b.ReportMetric(float64(b.N)/secs, "batches/s")
	b.ReportMetric(float64(b.N*len(batch))/secs, "records/s")
	b.ReportMetric(float64(matched), "matches/batch")
}

// BenchmarkMatch1000Searches: bench/alerts/run.sh runs it on both stores.
func BenchmarkMatch1000Searches(b *testing.B) {
	b.Run("bleve", func(b *testing.B) { benchMatch(b, openBleve(b)) })
	b.Run("elastic", func(b *testing.B) { benchMatch(b, openElastic(b, esURL(b))) })
}
