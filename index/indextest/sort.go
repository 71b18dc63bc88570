package indextest

import (
	"math"
	"slices"
	"sort"
	"testing"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// --- sorts --------------------------------------------------------------

// timeOrder is the documented order of the time sorts: records with a
// publication date first, by item time (newest or oldest first), then the
// undated ones the same way.
func timeOrder(newestFirst bool) func(a, b netra.Record) bool {
	return func(a, b netra.Record) bool {
		if da, db := index.Dated(a), index.Dated(b); da != db {
			return da
		}
		if newestFirst {
			return index.ItemTime(a).After(index.ItemTime(b))
		}
		return index.ItemTime(a).Before(index.ItemTime(b))
	}
}

func testSort(t *testing.T, s index.Store) {
	recs := seed(t, s)
	sorted := func(less func(a, b netra.Record) bool) []netra.Record {
		rs := slices.Clone(recs)
		sort.SliceStable(rs, func(i, j int) bool { return less(rs[i], rs[j]) })
		return rs
	}
	order := func(less func(a, b netra.Record) bool) []string {
		return where(sorted(less), func(netra.Record) bool { return true })
	}
	newer, older := timeOrder(true), timeOrder(false)
	cases := []struct {
		name string
		q    index.Query
		want []string
	}{
		{"score", index.Query{Sort: index.SortScoreDesc}, order(func(a, b netra.Record) bool { return a.Verdict.Score > b.Verdict.Score })},
		{"time newest first", index.Query{Sort: index.SortTimeDesc}, order(newer)},
		{"time oldest first", index.Query{Sort: index.SortTimeAsc}, order(older)},
		{"default without text is newest first", index.Query{}, order(newer)},
		{"score with filter", index.Query{Sort: index.SortScoreDesc, Flagged: ptr(true)}, where(sorted(func(a, b netra.Record) bool { return a.Verdict.Score > b.Verdict.Score }), func(r netra.Record) bool { return r.Verdict.Flagged })},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.q.Limit = 50
			if got := idsOf(search(t, s, c.q)); !slices.Equal(got, c.want) {
				t.Errorf("order = %v, want %v", got, c.want)
			}
		})
	}
	t.Run("undated last both ways", func(t *testing.T) {
		// r8 has no publication date and the latest fetch time of all: it
		// must not top "newest first" as if it had just been published.
		for _, so := range []index.Sort{index.SortTimeDesc, index.SortTimeAsc} {
			if got := idsOf(search(t, s, index.Query{Sort: so, Limit: 50})); len(got) == 0 || got[len(got)-1] != "r8" {
				t.Errorf("%s: order %v, want the undated r8 last", so, got)
			}
		}
	})
	t.Run("relevance", func(t *testing.T) {
		res := search(t, s, index.Query{Text: "calon OR kampanye", Limit: 50})
		if len(res.Matches) < 3 {
			t.Fatalf("relevance query found %d records, want several", len(res.Matches))
		}
		for i := 1; i < len(res.Matches); i++ {
			if res.Matches[i].Relevance > res.Matches[i-1].Relevance {
				t.Errorf("relevance not descending at %d: %v after %v", i, res.Matches[i].Relevance, res.Matches[i-1].Relevance)
			}
		}
		if res.Matches[0].Relevance <= 0 {
			t.Errorf("top match relevance = %v, want > 0", res.Matches[0].Relevance)
		}
		// Prefix and phrase alternatives score like words do.
		res = search(t, s, index.Query{Text: `kampa* OR "salam dua jari" OR beras`, Limit: 50})
		wantIDs(t, "mixed alternatives", res, "r3", "r5", "r6", "r7")
		for _, m := range res.Matches {
			if !(m.Relevance > 0) || math.IsInf(m.Relevance, 0) {
				t.Errorf("%s: relevance %v, want a positive number", m.Record.Item.ID, m.Relevance)
			}
		}
	})
}
