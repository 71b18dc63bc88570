package indextest

import (
	"testing"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// text9 is an article whose one ASN sentence a discourse cue cancelled
// ("dilarang": a rule stated); the word model read it as a report and
// flagged it, so its hit is overruled.
const text9 = "Bawaslu menyebut ASN dilarang hadir dalam kampanye, tetapi seorang lurah di Sleman tetap datang ke lapangan."

// overruledRecord is r9: flagged on the word model's reading alone, its one
// hit of rule asn-ikut-kampanye overruled (cancelled as a rule stated).
func overruledRecord() netra.Record {
	h := hit(text9, "asn-ikut-kampanye", "asn_kampanye", "ASN dilarang hadir dalam kampanye", "asn", "hadir", "kampanye")
	h.Mode, h.CancelledAs, h.Cue = netra.ModeOverruled, "rule", "dilarang"
	return netra.Record{
		Item: netra.Item{
			ID: "r9", Source: "detik", Kind: "news", Region: "di-yogyakarta", URL: "https://detik.example/r9",
			Title: "Lurah di Sleman datang ke kampanye", Text: text9, Language: "id",
			Published: day(25), Fetched: day(25),
		},
		Verdict: netra.Verdict{
			ID: "r9", Flagged: true, Score: 0.45, Categories: []string{"asn_kampanye"},
			Hits: []netra.Hit{h}, RulesVersion: "test-1",
		},
	}
}

// testOverruled checks that a record whose hit the word model overruled is
// filed under netra.WordModelRule and not under the rule that had
// cancelled its sentence — in the rule filter, the rule facet and after a
// review rewrites the record — while the stored hit keeps its own rule,
// mode and the mode it was cancelled as.
func testOverruled(t *testing.T, s index.Store) {
	recs := append(seed(t, s), overruledRecord())
	upsert(t, s, recs[len(recs)-1:])

	got := get(t, s, "r9")
	if len(got.Verdict.Hits) != 1 {
		t.Fatalf("r9 stored with %d hits, want 1", len(got.Verdict.Hits))
	}
	if h := got.Verdict.Hits[0]; h.Rule != "asn-ikut-kampanye" || h.Mode != netra.ModeOverruled || h.CancelledAs != "rule" {
		t.Errorf("stored hit: rule %q, mode %q, cancelled as %q", h.Rule, h.Mode, h.CancelledAs)
	}
	wantIDs(t, "rule word-model", search(t, s, index.Query{Rules: []string{netra.WordModelRule}, Limit: 50}), "r9")
	wantIDs(t, "rule asn-ikut-kampanye", search(t, s, index.Query{Rules: []string{"asn-ikut-kampanye"}, Limit: 50}), "r6", "r7")
	wantIDs(t, "either", search(t, s, index.Query{Rules: []string{netra.WordModelRule, "asn-ikut-kampanye"}, Limit: 50}), "r6", "r7", "r9")

	res := search(t, s, index.Query{Flagged: ptr(true), Facets: []string{index.FacetRule}, Limit: 1})
	counts := map[string]int{}
	for _, fc := range res.Facets[index.FacetRule] {
		counts[fc.Value] = fc.Count
	}
	if counts[netra.WordModelRule] != 1 || counts["asn-ikut-kampanye"] != 2 || counts["asn-mendukung-paslon"] != 2 {
		t.Errorf("rule facet of the flagged records = %v, want word-model 1, asn-ikut-kampanye 2, asn-mendukung-paslon 2", counts)
	}

	// A dismissal counts under the word model, not under the rule.
	review(t, s, "r9", index.ReviewUpdate{Status: ptr(netra.StatusDismissed), Note: ptr("norm: imbauan"), Who: "andi", BaseVersion: get(t, s, "r9").Version})
	dismissed := []netra.Status{netra.StatusDismissed}
	wantIDs(t, "dismissed under word-model", search(t, s, index.Query{Rules: []string{netra.WordModelRule}, Statuses: dismissed, Limit: 50}), "r9")
	wantIDs(t, "dismissed under asn-ikut-kampanye", search(t, s, index.Query{Rules: []string{"asn-ikut-kampanye"}, Statuses: dismissed, Limit: 50}))
}
