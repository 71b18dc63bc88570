package bleve

import (
	"encoding/json"
	"slices"
	"sync"

	"github.com/netra-id/netra/index"
)

// searchCacheEntries bounds the search cache: a reviewer's queue, its
// stories' counts, the dashboard and the filter dropdowns are a few dozen
// searches; when more pile up within one generation the cache starts over.
const searchCacheEntries = 256

// searchCache keeps what the search index answered (IDs, sort keys, totals,
// facet and time counts) for queries asked since the last write, so a
// reviewer's second view of a queue or dashboard costs a read of netra.db
// instead of a pass over every matching record's doc values. Records are
// never cached: they are read from netra.db on every search.
//
// Correctness rests on the generation: every search-index write bumps it
// after the write is visible (Store.apply, Store.indexRecords), and a search
// stores its answer under the generation it read before asking the index.
// An answer computed from an older snapshot is therefore filed under an
// older generation, which no later lookup asks for.
type searchCache struct {
	mu      sync.Mutex
	gen     uint64
	entries map[string]cachedSearch
	hits    uint64 // lookups answered from the cache, for tests and stats
}

// cachedSearch is the search index's part of one answer.
type cachedSearch struct {
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

// generation is the current write generation.
func (c *searchCache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// bump starts a new generation and forgets every cached answer.
func (c *searchCache) bump() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.entries = nil
}

// get returns the answer cached for key in generation gen.
func (c *searchCache) get(gen uint64, key string) (cachedSearch, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return cachedSearch{}, false
	}
	e, ok := c.entries[key]
	if ok {
		c.hits++
	}
	return e, ok
}

// put files an answer computed from the index as it was at generation gen.
func (c *searchCache) put(gen uint64, key string, e cachedSearch) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return // a write came in meanwhile: the answer may be stale already
	}
	if c.entries == nil || len(c.entries) >= searchCacheEntries {
		c.entries = map[string]cachedSearch{}
	}
	c.entries[key] = e
}

// cacheKey identifies what the search index answers for q: everything but
// Highlight, which only changes how netra.db's records are presented.
func cacheKey(q index.Query) (string, bool) {
	q.Highlight = false
	b, err := json.Marshal(q)
	if err != nil {
		return "", false
	}
	return string(b), true
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
