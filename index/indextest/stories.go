package indextest

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// storyRecords are flagged records in three stories of several members
// ("sa" of 3 from three sources, "sb" of 2, "sc" of 4 from one source) and
// four records of a story of their own (no story in Meta), one a minute
// apart, newest last.
func storyRecords() []netra.Record {
	type spec struct{ id, story, source string }
	specs := []spec{
		{"s01", "sa", "detik"}, {"s02", "", "kompas"}, {"s03", "sb", "twitter"},
		{"s04", "sa", "kompas"}, {"s05", "sc", "twitter"}, {"s06", "", "detik"},
		{"s07", "sc", "twitter"}, {"s08", "sb", "twitter"}, {"s09", "sa", "twitter"},
		{"s10", "sc", "twitter"}, {"s11", "", "kompas"}, {"s12", "sc", "twitter"},
		{"s13", "", "detik"},
	}
	out := make([]netra.Record, len(specs))
	for i, sp := range specs {
		meta := map[string]string{}
		if sp.story != "" {
			meta[index.MetaStory] = sp.story
		}
		out[i] = netra.Record{
			Item: netra.Item{
				ID: sp.id, Source: sp.source, Kind: "post", Text: fmt.Sprintf("Salinan %d tentang ASN ikut kampanye.", i),
				Published: day(1).Add(time.Duration(i) * time.Minute), Meta: meta,
			},
			Verdict: netra.Verdict{ID: sp.id, Flagged: true, Score: 0.8, Categories: []string{"asn_kampanye"}, Hits: []netra.Hit{}, RulesVersion: "test-1"},
		}
	}
	return out
}

func testStories(t *testing.T, s index.Store) {
	recs := storyRecords()
	upsert(t, s, recs)
	t.Run("story filter", func(t *testing.T) {
		res := search(t, s, index.Query{Stories: []string{"sa", "s02"}, Sort: index.SortTimeAsc})
		if got := idsOf(res); !reflect.DeepEqual(got, []string{"s01", "s02", "s04", "s09"}) {
			t.Errorf("stories sa, s02 = %v", got)
		}
	})
	// Newest first: the rows stand at their newest member.
	wantRows := []string{"s13", "s12", "s11", "s09", "s08", "s06", "s02"}
	wantSize := map[string]int{"s13": 1, "s12": 4, "s11": 1, "s09": 3, "s08": 2, "s06": 1, "s02": 1}
	wantSources := map[string][]string{"s12": {"twitter"}, "s09": {"detik", "kompas", "twitter"}, "s08": {"twitter"}}
	t.Run("one row per story", func(t *testing.T) {
		res, err := index.SearchStories(t.Context(), s, index.Query{Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != len(recs) {
			t.Errorf("Total = %d, want %d records", res.Total, len(recs))
		}
		if got := idsOf(res); !reflect.DeepEqual(got, wantRows) {
			t.Fatalf("rows = %v, want %v", got, wantRows)
		}
		for _, m := range res.Matches {
			id := m.Record.Item.ID
			if m.Story == nil {
				t.Fatalf("%s: no story", id)
			}
			if m.Story.ID != index.RecordStory(m.Record) || m.Story.Size != wantSize[id] {
				t.Errorf("%s: story %+v, want id %s size %d", id, *m.Story, index.RecordStory(m.Record), wantSize[id])
			}
			want := wantSources[id]
			if want == nil {
				want = []string{m.Record.Item.Source}
			}
			got := slices.Clone(m.Story.Sources)
			sort.Strings(got)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: sources %v, want %v", id, got, want)
			}
		}
		if res.NextCursor != "" {
			t.Errorf("one page holds every story, got a cursor")
		}
	})
	t.Run("sizes count matches of the query", func(t *testing.T) {
		res, err := index.SearchStories(t.Context(), s, index.Query{Sources: []string{"twitter"}, Stories: []string{"sa"}})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Matches) != 1 || res.Matches[0].Story.Size != 1 || !reflect.DeepEqual(res.Matches[0].Story.Sources, []string{"twitter"}) {
			t.Errorf("twitter members of sa = %+v", res.Matches)
		}
	})
	t.Run("pages", func(t *testing.T) {
		q := index.Query{Limit: 3}
		var got []string
		for pages := 0; ; pages++ {
			if pages > 5 {
				t.Fatal("cursor does not end")
			}
			res, err := index.SearchStories(t.Context(), s, q)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, idsOf(res)...)
			if res.NextCursor == "" {
				break
			}
			q.Cursor = res.NextCursor
		}
		if !reflect.DeepEqual(got, wantRows) {
			t.Errorf("pages of 3 = %v, want %v", got, wantRows)
		}
		if _, err := index.SearchStories(t.Context(), s, index.Query{Cursor: "bm90IGEgY3Vyc29y"}); err == nil {
			t.Error("a bad cursor was accepted")
		}
	})
}

func testPlaces(t *testing.T, s index.Store) {
	mk := func(id, places string) netra.Record {
		return netra.Record{
			Item:    netra.Item{ID: id, Source: "detik", Text: "Camat mendukung calon.", Published: day(2), Meta: map[string]string{index.MetaPlaces: places}},
			Verdict: netra.Verdict{ID: id, Flagged: true, Score: 0.5, Categories: []string{}, Hits: []netra.Hit{}, RulesVersion: "test-1"},
		}
	}
	recs := []netra.Record{
		mk("p1", "33.74 Kota Semarang; 33 Jawa Tengah"),
		mk("p2", "33.08 Kabupaten Magelang"), // province only implied by the code
		mk("p3", "33 Jawa Tengah"),
		mk("p4", "32.73 Kota Bandung; 32 Jawa Barat"),
		mk("p5", ""),
	}
	upsert(t, s, recs)
	for _, c := range []struct {
		places []string
		want   []string
	}{
		{[]string{"33"}, []string{"p1", "p2", "p3"}},
		{[]string{"33.74"}, []string{"p1"}},
		{[]string{"33.08", "32"}, []string{"p2", "p4"}},
		{[]string{"35"}, nil},
	} {
		res := search(t, s, index.Query{Places: c.places, Sort: index.SortTimeAsc, Facets: []string{index.FacetPlace}})
		got := idsOf(res)
		sort.Strings(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("places %v = %v, want %v", c.places, got, c.want)
		}
	}
	res := search(t, s, index.Query{Facets: []string{index.FacetPlace}})
	got := map[string]int{}
	for _, fc := range res.Facets[index.FacetPlace] {
		got[fc.Value] = fc.Count
	}
	want := map[string]int{"33": 3, "33.74": 1, "33.08": 1, "32": 1, "32.73": 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("place facet = %v, want %v", got, want)
	}
}

func testTimeBuckets(t *testing.T, s index.Store) {
	recs := seed(t, s)
	bounds := []time.Time{day(1), day(10), day(15), day(22), day(31)}
	for _, q := range []index.Query{{}, {Flagged: ptr(true)}, {Text: "kampanye"}} {
		q.TimeBuckets = bounds
		res := search(t, s, q)
		want := make([]int, len(bounds)-1)
		for _, r := range recs {
			qq := q
			qq.TimeBuckets, qq.IDs = nil, []string{r.Item.ID}
			if search(t, s, qq).Total == 0 {
				continue
			}
			tm := index.ItemTime(r)
			for i := 0; i+1 < len(bounds); i++ {
				if !tm.Before(bounds[i]) && tm.Before(bounds[i+1]) {
					want[i]++
				}
			}
		}
		if !reflect.DeepEqual(res.TimeCounts, want) {
			t.Errorf("%+v: time counts %v, want %v", q, res.TimeCounts, want)
		}
	}
	if _, err := s.Search(t.Context(), index.Query{TimeBuckets: []time.Time{day(10), day(1)}}); err == nil {
		t.Error("descending time buckets were accepted")
	}
}
