package bleve

import (
	"encoding/json"
	"slices"
	"sync"

	"github.com/netra-id/netra/index"
)

// searchCacheEntries bounds the search cache: a reviewer's queue, its
// stories' counts, the dashboard and the filter dropdowns are a few dozen
// searches; when more pile up the cache starts over.
const searchCacheEntries = 256

// searchCache keeps what the search index answered (IDs, totals, facet and
// time counts) so a reviewer's next view of a queue or dashboard costs a
// read of netra.db instead of a pass over every matching record's doc
// values. Records are never cached: they are read from netra.db on every
// search.
//
// Correctness rests on two write generations, each bumped after a write is
// visible to searches (Store.apply, Store.batchPersisted): content, bumped
// by anything that adds, replaces or removes records, and review, bumped by
// a review change. A review changes only the indexed status, assignee and
// reviewer of one record, so an answer that neither filters nor counts
// those fields (see filtersReview, reviewFacet) stays valid across reviews;
// every other answer is valid only for both generations it was computed
// at. Store.indexAnswer splits a search into such parts. A search
// reads the generations before asking the index, so an answer computed from
// a snapshot older than a write carries generations that write has left
// behind.
type searchCache struct {
	off     bool // WithSearchCache(false): every search asks the index
	mu      sync.Mutex
	gen     generations
	entries map[string]cachedSearch
	hits    uint64 // lookups answered from the cache, for tests
}

// generations are the write generations an answer was computed at.
type generations struct{ content, review uint64 }

// cachedSearch is the search index's part of one answer.
type cachedSearch struct {
	gen        generations
	dependent  bool // on review state: valid for gen.review only
	total      int
	hits       []cachedHit
	next       string
	facets     map[string][]index.FacetCount
	timeCounts []int
}

type cachedHit struct {
	id    string
	score float64
}

// generations returns the current write generations.
func (c *searchCache) generations() generations {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// bump starts a new generation: of reviews only when reviewOnly, else of
// content (which ends every cached answer).
func (c *searchCache) bump(reviewOnly bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if reviewOnly {
		c.gen.review++
		return
	}
	c.gen.content++
	c.entries = nil
}

// get returns the answer cached for key, when it is still valid.
func (c *searchCache) get(key string) (cachedSearch, bool) {
	if c.off {
		return cachedSearch{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || e.gen.content != c.gen.content || (e.dependent && e.gen.review != c.gen.review) {
		return cachedSearch{}, false
	}
	c.hits++
	return e, true
}

// put files an answer computed from the index as it was at e.gen.
func (c *searchCache) put(key string, e cachedSearch) {
	if c.off {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e.gen.content != c.gen.content || (e.dependent && e.gen.review != c.gen.review) {
		return // a write came in meanwhile: the answer may be stale already
	}
	if c.entries == nil || len(c.entries) >= searchCacheEntries {
		c.entries = map[string]cachedSearch{}
	}
	c.entries[key] = e
}

// reviewFacet reports whether a facet counts a field a review changes.
func reviewFacet(name string) bool {
	return name == index.FacetStatus || name == index.FacetReviewer
}

// filtersReview reports whether q's matches depend on review state.
func filtersReview(q index.Query) bool {
	return len(q.Statuses) > 0 || len(q.Assignees) > 0 || len(q.Reviewers) > 0
}

// cacheKey identifies what the search index answers for q: everything but
// Highlight, which only changes how netra.db's records are presented. kind
// tells apart answers of different shapes for the same query.
func cacheKey(kind string, q index.Query) (string, bool) {
	q.Highlight = false
	b, err := json.Marshal(q)
	if err != nil {
		return "", false
	}
	return kind + string(b), true
}

// result builds a fresh Result from the cached answer; callers may change
// it without touching the cache.
func (e cachedSearch) result() index.Result {
	out := index.Result{Total: e.total, NextCursor: e.next, TimeCounts: slices.Clone(e.timeCounts)}
	if e.facets != nil {
		out.Facets = make(map[string][]index.FacetCount, len(e.facets))
		for k, v := range e.facets {
			out.Facets[k] = slices.Clone(v)
		}
	}
	return out
}
