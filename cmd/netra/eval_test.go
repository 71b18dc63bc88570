package main

import (
	"maps"
	"testing"

	"github.com/netra-id/netra/classifier"
)

// TestWilson checks the interval against values worked by hand from the
// Wilson formula (z = 1.96), including the edges where the normal
// approximation breaks down.
func TestWilson(t *testing.T) {
	for _, tc := range []struct {
		k, n int
		want [2]float64
	}{
		{3, 9, [2]float64{0.1206, 0.6458}},
		{3, 3, [2]float64{0.4385, 1}},
		{0, 5, [2]float64{0, 0.4345}},
		{23, 32, [2]float64{0.5463, 0.8444}},
		{0, 0, [2]float64{0, 0}},
	} {
		got := wilson(tc.k, tc.n)
		for i := range got {
			if d := got[i] - tc.want[i]; d > 0.0002 || d < -0.0002 {
				t.Errorf("wilson(%d, %d) = %v, want %v", tc.k, tc.n, got, tc.want)
				break
			}
		}
	}
}

// TestEvalCountsMisses checks that eval counts the missed cases by what
// stopped them, so that a set kept for measuring shows where its misses
// lie without its texts being read.
func TestEvalCountsMisses(t *testing.T) {
	c, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	recs := []labelled{
		{ID: "found", Label: "partisan", Text: "Seorang camat di Kabupaten Sukamaju kedapatan berkampanye untuk pasangan calon bupati."},
		{ID: "rule", Label: "partisan", Text: "ASN dilarang ikut kampanye pasangan calon bupati."},
		{ID: "none", Label: "partisan", Text: "Harga cabai di pasar Sukamaju naik lagi minggu ini."},
		{ID: "other", Label: "unrelated", Text: "Harga beras stabil."},
	}
	rep, _ := evaluate(c, recs, "partisan")
	want := map[string]int{"cancelled: rule": 1, "first stage": 1}
	if rep.TP != 1 || rep.FN != 2 || !maps.Equal(rep.Misses, want) {
		t.Fatalf("tp %d fn %d, misses %v; want 1, 2 and %v", rep.TP, rep.FN, rep.Misses, want)
	}
}
