package bleve

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// randomRecord is record i of a property test: a few sources, regions,
// categories, rules, places and stories, so filters and facets overlap;
// scores with ties; some records dated, some only fetched.
func randomRecord(rng *rand.Rand, id string) netra.Record {
	pick := func(vals ...string) string { return vals[rng.IntN(len(vals))] }
	words := []string{"camat", "kampanye", "mendukung", "paslon", "lurah", "netral", "warga", "bawaslu"}
	text := ""
	for range 3 + rng.IntN(5) {
		text += words[rng.IntN(len(words))] + " "
	}
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	it := netra.Item{ID: id, Source: pick("s1", "s2", "s3", "s4"), Region: pick("", "jateng", "jatim", "dki"), Kind: "news",
		Text: text + id, Meta: map[string]string{}}
	if rng.IntN(4) > 0 {
		it.Published = day.Add(time.Duration(rng.IntN(60*24)) * time.Hour)
	} else {
		it.Fetched = day.Add(time.Duration(rng.IntN(60*24)) * time.Hour)
	}
	if p := pick("", "33.74 Kota Semarang", "33.01 Kabupaten Cilacap; 35.78 Kota Surabaya", "35 Jawa Timur"); p != "" {
		it.Meta[index.MetaPlaces] = p
	}
	if st := pick("", "", "st1", "st2", "st3"); st != "" {
		it.Meta[index.MetaStory] = st
	}
	v := netra.Verdict{ID: id, Flagged: rng.IntN(3) > 0, Score: float64(rng.IntN(5)) / 4}
	for _, c := range []string{"asn_partisan", "official_non_asn", "asn_socmed"} {
		if rng.IntN(2) == 0 {
			v.Categories = append(v.Categories, c)
			v.Hits = append(v.Hits, netra.Hit{Rule: "rule-" + c + pick("", "-2"), Category: c, Start: 0, End: 5, Sentence: text})
		}
	}
	return netra.Record{Item: it, Verdict: v}
}

// propertyQueries are the views the property test keeps cached: queues,
// filtered and by text, a dashboard's counts and weeks, story counts,
// second pages.
func propertyQueries() []index.Query {
	yes, no := true, false
	all := []string{index.FacetCategory, index.FacetRule, index.FacetSource, index.FacetRegion, index.FacetStatus, index.FacetPlace, index.FacetReviewer}
	weeks := []time.Time{}
	for t := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC); t.Before(time.Date(2024, 5, 5, 0, 0, 0, 0, time.UTC)); t = t.AddDate(0, 0, 7) {
		weeks = append(weeks, t)
	}
	low, high := 0.5, 0.25
	return []index.Query{
		{Flagged: &yes, Facets: all, Limit: 20},
		{Flagged: &yes, Facets: all, Limit: 1, Sort: index.SortTimeDesc, TimeBuckets: weeks},
		{Flagged: &yes, Limit: 1, Sort: index.SortScoreDesc, Since: weeks[2], Until: weeks[8], TimeBuckets: weeks[2:9]},
		{Flagged: &yes, Places: []string{"33"}, Statuses: []netra.Status{netra.StatusNew}, Facets: all, Sort: index.SortScoreDesc, Limit: 5},
		{Flagged: &no, Facets: []string{index.FacetSource, index.FacetStatus}, Sort: index.SortTimeAsc, Limit: 7},
		{Text: "kampanye", Facets: []string{index.FacetCategory, index.FacetReviewer}, Sort: index.SortTimeDesc, Limit: 10},
		{Text: "camat mendukung", Limit: 10},
		{Stories: []string{"st1", "st2", "st3"}, Facets: []string{index.FacetStory}, Limit: 1},
		{Stories: []string{"st2"}, Facets: []string{index.FacetSource}, Limit: 1},
		{Sources: []string{"s1", "s3"}, Categories: []string{"asn_partisan"}, MinScore: &low, Facets: []string{index.FacetPlace, index.FacetStory}, Limit: 3},
		{Reviewers: []string{"rina"}, Facets: []string{index.FacetStatus}, Limit: 4, Sort: index.SortTimeDesc},
		{Assignees: []string{"budi"}, Limit: 50},
		{Limit: 200, Facets: []string{index.FacetStory}},
		{Statuses: []netra.Status{netra.StatusConfirmed, netra.StatusEscalated}, Sort: index.SortTimeAsc, Limit: 3},
		{Regions: []string{"jateng", "dki"}, Rules: []string{"rule-asn_partisan", "rule-asn_socmed-2"}, MaxScore: &high, Since: weeks[3], Facets: []string{index.FacetRule}, Limit: 6},
		{Until: weeks[4], Places: []string{"35.78", "33.74"}, Facets: []string{index.FacetPlace, index.FacetRegion}, Sort: index.SortTimeAsc, Limit: 2},
		{IDs: []string{"p001", "p002", "p150", "p299", "p301", "p305"}, Facets: []string{index.FacetStatus}, Limit: 3},
	}
}

// view is what a search shows, for comparing a cached answer with a fresh
// one.
type view struct {
	Total      int
	IDs        []string
	Relevance  []float64
	Stories    []index.StoryGroup
	Next       string
	Facets     map[string][]index.FacetCount
	TimeCounts []int
}

func viewOf(res index.Result) view {
	v := view{Total: res.Total, Next: res.NextCursor, Facets: res.Facets, TimeCounts: res.TimeCounts}
	for _, m := range res.Matches {
		v.IDs = append(v.IDs, m.Record.Item.ID)
		v.Relevance = append(v.Relevance, m.Relevance)
		if m.Story != nil {
			v.Stories = append(v.Stories, *m.Story)
		}
	}
	return v
}

// TestSearchCacheMatchesFreshSearch is a property test of the search cache:
// over random sequences of new records, changed records, unchanged
// re-upserts, reviews and deletes, every cached view (queues, filtered
// queues, text searches, second pages, dashboard counts and weeks, story
// rows and their sizes) must equal what a search of the index without the
// cache answers after every write. And the cache must really have kept
// answers across writes, or the test would prove nothing.
func TestSearchCacheMatchesFreshSearch(t *testing.T) {
	for seed := range uint64(3) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { checkCacheAgainstFresh(t, seed, 40) })
	}
}

func checkCacheAgainstFresh(t *testing.T, seed uint64, steps int) {
	rng := rand.New(rand.NewPCG(seed, 12))
	s, recs := openRandomStore(t, rng, 300)
	ctx := context.Background()
	next := len(recs)
	qs := propertyQueries()
	views := func(fresh bool) []view {
		t.Helper()
		s.cache.off = fresh // the test is single-threaded: nothing else reads it meanwhile
		defer func() { s.cache.off = false }()
		var out []view
		for i, q := range qs {
			res, err := s.Search(ctx, q)
			if err != nil {
				t.Fatalf("query %d: %v", i, err)
			}
			out = append(out, viewOf(res))
			if res.NextCursor != "" && q.EffectiveSort() != index.SortRelevance {
				q2 := q
				q2.Cursor = res.NextCursor
				if res, err = s.Search(ctx, q2); err != nil {
					t.Fatalf("query %d, page 2: %v", i, err)
				}
				out = append(out, viewOf(res))
			}
			if len(q.Stories) == 0 {
				sq := q
				sq.Limit = 4
				res, err := index.SearchStories(ctx, s, sq)
				if err != nil {
					t.Fatalf("query %d by story: %v", i, err)
				}
				out = append(out, viewOf(res))
			}
		}
		return out
	}
	ids := func() []string {
		res, err := s.Search(ctx, index.Query{Limit: index.MaxLimit, Sort: index.SortTimeAsc})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range res.Matches {
			out = append(out, m.Record.Item.ID)
		}
		return out
	}
	statuses := []netra.Status{netra.StatusNew, netra.StatusConfirmed, netra.StatusDismissed, netra.StatusEscalated}
	var kinds []string
	for step := range steps {
		views(false) // cache every view as it is now
		kept, hits := s.cache.kept, s.cache.hits
		have := ids()
		var what string
		switch op := rng.IntN(10); {
		case op < 3: // new records, one or a crawl's batch
			var batch []netra.Record
			for range 1 + rng.IntN(4) {
				batch = append(batch, randomRecord(rng, fmt.Sprintf("p%03d", next)))
				next++
			}
			what = fmt.Sprintf("upsert %d new", len(batch))
			if err := s.Upsert(ctx, batch); err != nil {
				t.Fatal(err)
			}
		case op < 5: // changed records: a new verdict, story, place or date
			var batch []netra.Record
			for range 1 + rng.IntN(3) {
				batch = append(batch, randomRecord(rng, have[rng.IntN(len(have))]))
			}
			if rng.IntN(4) == 0 { // and one unchanged
				r, err := s.Get(ctx, have[rng.IntN(len(have))])
				if err != nil {
					t.Fatal(err)
				}
				batch = append(batch, r)
			}
			what = fmt.Sprintf("upsert %d changed", len(batch))
			if err := s.Upsert(ctx, batch); err != nil {
				t.Fatal(err)
			}
		case op < 9: // a review
			id := have[rng.IntN(len(have))]
			r, err := s.Get(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			st := statuses[rng.IntN(len(statuses))]
			u := index.ReviewUpdate{Status: &st, Who: []string{"rina", "sari", "tono"}[rng.IntN(3)], BaseVersion: r.Version}
			if rng.IntN(3) == 0 {
				a := []string{"budi", ""}[rng.IntN(2)]
				u.Assignee = &a
			}
			what = "review " + id + " " + string(st)
			if _, err := s.Review(ctx, id, u); err != nil {
				t.Fatal(err)
			}
		default: // deletes: a few records, or all of a source and region
			q := index.Query{IDs: []string{have[rng.IntN(len(have))], have[rng.IntN(len(have))]}}
			if rng.IntN(3) == 0 {
				q = index.Query{Sources: []string{"s4"}, Regions: []string{"dki"}}
			}
			n, err := s.DeleteByQuery(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			what = fmt.Sprintf("delete %d", n)
		}
		kinds = append(kinds, what)
		cached := views(false)
		if what != "delete 0" && (s.cache.kept == kept || s.cache.hits == hits) {
			t.Errorf("step %d (%s): the write kept %d answers and the views read %d from the cache; want some of both", step, what, s.cache.kept-kept, s.cache.hits-hits)
		}
		fresh := views(true)
		for i := range fresh {
			if !reflect.DeepEqual(cached[i], fresh[i]) {
				t.Fatalf("step %d (%s), view %d: cached\n%+v\nfresh\n%+v\nsteps so far: %v", step, what, i, cached[i], fresh[i], kinds)
			}
		}
	}
	if !slices.ContainsFunc(kinds, func(k string) bool { return k[:6] == "delete" }) {
		t.Errorf("no delete among %v", kinds)
	}
}

// TestSearchCacheMaintainedUnderConcurrentWrites: readers filing answers
// while writers add, change and review records must leave no answer in the
// cache that a fresh search contradicts once the writes are done (go test
// -race checks the sharing).
func TestSearchCacheMaintainedUnderConcurrentWrites(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 12))
	s, _ := openRandomStore(t, rng, 200)
	ctx := context.Background()
	// Each writer has its own generator: math/rand's are not safe to share.
	writes := make([][]netra.Record, 2)
	for w := range writes {
		for i := range 30 {
			writes[w] = append(writes[w], randomRecord(rng, fmt.Sprintf("w%d-%02d", w, i)), randomRecord(rng, fmt.Sprintf("p%03d", rng.IntN(200))))
		}
	}
	qs := propertyQueries()
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for r := range 3 {
		wg.Go(func() {
			for i := range 60 {
				if _, err := s.Search(ctx, qs[(i+r)%len(qs)]); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	for w := range writes {
		wg.Go(func() {
			st := netra.StatusConfirmed
			for i, r := range writes[w] {
				if err := s.Upsert(ctx, []netra.Record{r}); err != nil {
					errs <- err
					return
				}
				if i%2 == 1 {
					cur, err := s.Get(ctx, r.Item.ID)
					if err != nil {
						errs <- err
						return
					}
					if _, err := s.Review(ctx, r.Item.ID, index.ReviewUpdate{Status: &st, Who: "rina", BaseVersion: cur.Version}); err != nil {
						var ce *netra.ConflictError
						if !errors.As(err, &ce) { // the other writer may have changed it meanwhile
							errs <- err
							return
						}
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for i, q := range qs {
		cached, err := s.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		s.cache.off = true
		fresh, err := s.Search(ctx, q)
		s.cache.off = false
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(viewOf(cached), viewOf(fresh)) {
			t.Errorf("query %d after concurrent writes: cached\n%+v\nfresh\n%+v", i, viewOf(cached), viewOf(fresh))
		}
	}
	if s.cache.kept == 0 {
		t.Error("no cached answer was kept across a write")
	}
}

// openRandomStore opens a fresh store holding n random records (closed
// when the test ends) and returns it with the records.
func openRandomStore(t *testing.T, rng *rand.Rand, n int) (*Store, []netra.Record) {
	t.Helper()
	var recs []netra.Record
	for i := range n {
		recs = append(recs, randomRecord(rng, fmt.Sprintf("p%03d", i)))
	}
	return storeOf(t, recs), recs
}
