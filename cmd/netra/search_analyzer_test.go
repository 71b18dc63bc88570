package main

import (
	"path/filepath"
	"testing"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/classifier"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/bleve"
)

// TestSearchAnalyzerKeepsIndex: a store indexed with the full classifier's
// analysis (as `score --index` and `crawl` write it, and as every store
// before the light analyser was) is opened by the read-only commands'
// default analyser without being re-indexed, and finds what the classifier
// would: stemmed words and the words of a one-part hashtag.
func TestSearchAnalyzerKeepsIndex(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	c, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, err := bleve.Open(data, bleve.WithAnalyzer(c.Analyze))
	if err != nil {
		t.Fatal(err)
	}
	recs := []netra.Record{
		{Item: netra.Item{ID: "a", Text: "Camat Sukamaju memberikan dukungannya kepada paslon nomor urut 2. #netralasn"}},
		{Item: netra.Item{ID: "b", Text: "Warga menonton pertandingan sepak bola di lapangan desa."}},
	}
	if err := s.Upsert(t.Context(), recs); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	analyze, err := storeAnalyzer(&globals{dataDir: data}, nil)
	if err != nil {
		t.Fatal(err)
	}
	rebuilds := 0
	s, err = bleve.Open(data, bleve.WithAnalyzer(analyze), bleve.WithRebuildProgress(func(done, total int) { rebuilds++ }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if rebuilds != 0 {
		t.Errorf("opening with the default analyser rebuilt the index (%d progress calls): its fingerprint differs from the classifier's", rebuilds)
	}
	for _, q := range []string{"mendukung", "didukung camat", "netral", "asn"} {
		res, err := s.Search(t.Context(), index.Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Matches) != 1 || res.Matches[0].Record.Item.ID != "a" {
			t.Errorf("search %q: %d matches, want record a only", q, len(res.Matches))
		}
	}
}
