package bleve

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

func statusCount(res index.Result, st netra.Status) int {
	for _, fc := range res.Facets[index.FacetStatus] {
		if fc.Value == string(st) {
			return fc.Count
		}
	}
	return 0
}

// flaggedStore opens a store holding n flagged records r00, r01, … whose
// source is source(i) and whose score grows with i.
func flaggedStore(t *testing.T, n int, source func(int) string) *Store {
	t.Helper()
	var recs []netra.Record
	for i := range n {
		id := fmt.Sprintf("r%02d", i)
		recs = append(recs, netra.Record{Item: netra.Item{ID: id, Source: source(i), Text: "camat ikut kampanye " + id}, Verdict: netra.Verdict{ID: id, Flagged: true, Score: float64(i) / float64(n)}})
	}
	return storeOf(t, recs)
}

// storeOf opens a fresh store (closed when the test ends) holding recs.
func storeOf(t *testing.T, recs []netra.Record) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "s"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Upsert(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSearchCacheSeesEveryWrite asks the same question before and after
// each kind of write: the second identical search must be answered from the
// cache, and a write made just before a search must show in its answer.
func TestSearchCacheSeesEveryWrite(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "s"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	yes := true
	recs := []netra.Record{
		{Item: netra.Item{ID: "a", Source: "uji", Text: "camat ikut kampanye"}, Verdict: netra.Verdict{ID: "a", Flagged: true, Score: 0.9}},
		{Item: netra.Item{ID: "b", Source: "uji", Text: "lurah ikut kampanye"}, Verdict: netra.Verdict{ID: "b", Flagged: true, Score: 0.8}},
	}
	if err := s.Upsert(ctx, recs); err != nil {
		t.Fatal(err)
	}
	q := index.Query{Flagged: &yes, Facets: []string{index.FacetStatus}, Sort: index.SortScoreDesc}
	search := func() index.Result {
		t.Helper()
		res, err := s.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	first := search()
	if first.Total != 2 || statusCount(first, netra.StatusNew) != 2 {
		t.Fatalf("before any review: total %d, new %d; want 2, 2", first.Total, statusCount(first, netra.StatusNew))
	}
	hits := s.cache.hits
	if again := search(); again.Total != 2 || s.cache.hits != hits+2 {
		t.Fatalf("repeated search: total %d, cache hits %d -> %d; want 2 from the cache (page and counts)", again.Total, hits, s.cache.hits)
	}
	// A caller changing its result must not change the next caller's.
	again := search()
	again.Facets[index.FacetStatus][0].Count = 99
	again.Matches[0].Record.Item.Text = "diubah"
	if r := search(); statusCount(r, netra.StatusNew) != 2 || r.Matches[0].Record.Item.Text == "diubah" {
		t.Fatalf("a caller's change leaked into the cache: %+v", r.Facets)
	}

	// Review: the status facet moves at once.
	st := netra.StatusConfirmed
	rec, err := s.Get(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Review(ctx, "a", index.ReviewUpdate{Status: &st, Who: "rina", BaseVersion: rec.Version}); err != nil {
		t.Fatal(err)
	}
	hits = s.cache.hits
	r := search()
	if s.cache.hits != hits+2 {
		t.Errorf("after a review: %d cache hits, want 2 (the page, and the status counts the review brought up to date)", s.cache.hits-hits)
	}
	if statusCount(r, netra.StatusConfirmed) != 1 || statusCount(r, netra.StatusNew) != 1 {
		t.Fatalf("after a review: facets %+v; want one confirmed, one new", r.Facets[index.FacetStatus])
	}
	if r.Matches[0].Record.Review.Status != netra.StatusConfirmed {
		t.Fatalf("after a review: first match has status %q", r.Matches[0].Record.Review.Status)
	}

	// A filter on review state is not answered from before the review.
	newOnly := q
	newOnly.Statuses, newOnly.Facets = []netra.Status{netra.StatusNew}, nil
	if r, err := s.Search(ctx, newOnly); err != nil || r.Total != 1 || r.Matches[0].Record.Item.ID != "b" {
		t.Fatalf("new items after a review: %+v, %v; want b alone", r, err)
	}
	st = netra.StatusDismissed
	if rec, err = s.Get(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Review(ctx, "b", index.ReviewUpdate{Status: &st, Who: "rina", BaseVersion: rec.Version, Note: new(string)}); err != nil {
		t.Fatal(err)
	}
	if r, err := s.Search(ctx, newOnly); err != nil || r.Total != 0 {
		t.Fatalf("new items after the second review: total %d, %v; want 0", r.Total, err)
	}

	// Upsert: a new record is counted and listed at once.
	c := netra.Record{Item: netra.Item{ID: "c", Source: "uji", Text: "kades ikut kampanye"}, Verdict: netra.Verdict{ID: "c", Flagged: true, Score: 0.95}}
	search() // cache the page and counts again
	if err := s.Upsert(ctx, []netra.Record{c}); err != nil {
		t.Fatal(err)
	}
	hits = s.cache.hits
	if r := search(); r.Total != 3 || r.Matches[0].Record.Item.ID != "c" || statusCount(r, netra.StatusNew) != 1 {
		t.Fatalf("after an upsert: total %d, first %q, status %+v; want 3, c, one new", r.Total, r.Matches[0].Record.Item.ID, r.Facets[index.FacetStatus])
	}
	if s.cache.hits != hits+2 {
		t.Errorf("after an upsert: %d cache hits, want 2 (page and counts brought up to date)", s.cache.hits-hits)
	}

	// DeleteByQuery: the removed record is gone at once.
	if n, err := s.DeleteByQuery(ctx, index.Query{IDs: []string{"b"}}); err != nil || n != 1 {
		t.Fatalf("delete: %d, %v", n, err)
	}
	if r := search(); r.Total != 2 || statusCount(r, netra.StatusNew) != 1 || statusCount(r, netra.StatusDismissed) != 0 {
		t.Fatalf("after a delete: total %d, facets %+v; want 2 with one new, none dismissed", r.Total, r.Facets[index.FacetStatus])
	}
}

// TestSearchCacheConcurrent: reviewers searching the same queue at once
// while others review share passes and cached answers without a race (go
// test -race), and the last review shows in the next search.
func TestSearchCacheConcurrent(t *testing.T) {
	s := flaggedStore(t, 40, func(int) string { return "uji" })
	ctx := context.Background()
	yes := true
	q := index.Query{Flagged: &yes, Facets: []string{index.FacetStatus, index.FacetSource}, Sort: index.SortScoreDesc, Limit: 10}
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for range 6 {
		wg.Go(func() {
			for range 30 {
				r, err := s.Search(ctx, q)
				if err != nil {
					errs <- err
					return
				}
				n := 0
				for _, fc := range r.Facets[index.FacetStatus] {
					n += fc.Count
				}
				if r.Total != 40 || n != 40 || len(r.Matches) != 10 {
					errs <- fmt.Errorf("total %d, status counts %d, %d matches", r.Total, n, len(r.Matches))
					return
				}
				r.Facets[index.FacetSource][0].Count = -1 // our copy only
			}
		})
	}
	st := netra.StatusConfirmed
	for i := range 10 {
		id := fmt.Sprintf("r%02d", i)
		cur, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Review(ctx, id, index.ReviewUpdate{Status: &st, Who: "rina", BaseVersion: cur.Version}); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	r, err := s.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if statusCount(r, netra.StatusConfirmed) != 10 || r.Facets[index.FacetSource][0].Count != 40 {
		t.Errorf("after the reviews: status %+v, source %+v", r.Facets[index.FacetStatus], r.Facets[index.FacetSource])
	}
}

// TestSearchCacheSharesCountsAcrossPages: the next page of a queue reads
// its counts from the cache (they are the same for every page) and only its
// IDs from the index.
func TestSearchCacheSharesCountsAcrossPages(t *testing.T) {
	s := flaggedStore(t, 25, func(i int) string { return fmt.Sprintf("s%d", i%3) })
	ctx := context.Background()
	q := index.Query{Facets: []string{index.FacetSource, index.FacetStatus}, Sort: index.SortScoreDesc, Limit: 10}
	first, err := s.Search(ctx, q)
	if err != nil || first.NextCursor == "" {
		t.Fatalf("first page: %v, cursor %q", err, first.NextCursor)
	}
	q.Cursor = first.NextCursor
	hits := s.cache.hits
	second, err := s.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if s.cache.hits != hits+2 {
		t.Errorf("second page: %d cache hits, want 2 (both counts)", s.cache.hits-hits)
	}
	if second.Total != 25 || len(second.Matches) != 10 || second.Matches[0].Record.Item.ID == first.Matches[0].Record.Item.ID {
		t.Errorf("second page: total %d, %d matches, first %s", second.Total, len(second.Matches), second.Matches[0].Record.Item.ID)
	}
	for _, f := range q.Facets {
		if fmt.Sprint(first.Facets[f]) != fmt.Sprint(second.Facets[f]) {
			t.Errorf("%s counts differ between pages: %v, %v", f, first.Facets[f], second.Facets[f])
		}
	}
}

func TestSearchCacheOff(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "s"), WithSearchCache(false))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for range 2 {
		if _, err := s.Search(context.Background(), index.Query{Facets: []string{index.FacetStatus}}); err != nil {
			t.Fatal(err)
		}
	}
	if s.cache.hits != 0 || len(s.cache.entries) != 0 {
		t.Errorf("cache off, yet %d hits and %d entries", s.cache.hits, len(s.cache.entries))
	}
}
