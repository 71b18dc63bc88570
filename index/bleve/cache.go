package bleve

import (
	"encoding/json"
	"maps"
	"slices"
	"sort"
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
// Every entry in the cache is valid for the search index as it is now. A
// write keeps it so (see Store.apply and maintain.go): before and after
// the write reaches the search index, each cached query's filters are run
// restricted to the written IDs, and every entry is then brought up to
// date from the old and new versions of those records (counts decremented
// and incremented, a page's IDs inserted or moved) or, where that cannot be
// done exactly (a relevance order, a page whose member drops out of it, a
// facet with more values than were counted), removed. A reviewer's office
// where records arrive all the time thus keeps its queue and dashboard
// cached instead of recounting every match after every new record.
//
// An answer a search computed is filed only if no write happened since the
// search read the generation (gen) and none is under way: it may have been
// computed from a snapshot older than that write.
type searchCache struct {
	off     bool // WithSearchCache(false): every search asks the index
	mu      sync.Mutex
	gen     uint64 // bumped by every write, once the cache reflects it
	writing bool   // a write is between begin and finish
	broken  bool   // a write failed to reach the search index: writes end every answer
	entries map[string]cachedSearch
	hits    uint64 // lookups answered from the cache, for tests
	kept    uint64 // entries a write brought up to date instead of removing, for tests
}

// Kinds of cached part (see Store.indexAnswer).
const (
	partPage   = "page"   // IDs in order, total, next cursor
	partFacets = "facets" // counts of fields no review changes, week counts
	partCount  = "count"  // status and reviewer counts
)

// cachedSearch is the search index's part of one answer. Entries are never
// changed in place once filed (readers use them outside the lock): a write
// files an updated copy.
type cachedSearch struct {
	kind  string
	q     index.Query // the query this part answers
	group string      // key of q's filters alone (see filterKey)
	total int
	// hits are the first limit+1 matches in q's order, with their sort
	// keys: one more than a page, so the next cursor can be told and one
	// member can drop out without a new search.
	hits       []cachedHit
	next       string
	facets     map[string]facetCounts
	timeCounts []int
}

type cachedHit struct {
	id    string
	score float64
	sort  []string // bleve's sort values, in the order of sortOrder
}

// facetCounts are one facet's counts.
type facetCounts struct {
	// all has every value's count when complete (the search counted
	// fewer values than it asked for); writes update it.
	all      map[string]int
	complete bool
	top      []index.FacetCount // what a search returns: the largest maxFacetValues
}

// newFacetCounts files what a facet search answered.
func newFacetCounts(all map[string]int, complete bool) facetCounts {
	return facetCounts{all: all, complete: complete, top: topFacets(all)}
}

// topFacets orders counts as bleve does (count descending, then value) and
// keeps the first maxFacetValues.
func topFacets(all map[string]int) []index.FacetCount {
	fc := make([]index.FacetCount, 0, len(all))
	for v, n := range all {
		fc = append(fc, index.FacetCount{Value: v, Count: n})
	}
	sort.Slice(fc, func(i, j int) bool {
		if fc[i].Count != fc[j].Count {
			return fc[i].Count > fc[j].Count
		}
		return fc[i].Value < fc[j].Value
	})
	return fc[:min(len(fc), maxFacetValues)]
}

// generation returns the current write generation.
func (c *searchCache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// clear ends every cached answer (a rebuild, a failed write).
func (c *searchCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.entries = nil
}

// get returns the answer cached for key.
func (c *searchCache) get(key string) (cachedSearch, bool) {
	if c.off {
		return cachedSearch{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if ok {
		c.hits++
	}
	return e, ok
}

// put files an answer computed from the index as it was at generation gen.
func (c *searchCache) put(key string, gen uint64, e cachedSearch) {
	if c.off {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen || c.writing {
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

// filtersOf is q's filters alone: what decides whether a record matches.
func filtersOf(q index.Query) index.Query {
	q.Sort, q.Cursor, q.Limit, q.Facets, q.TimeBuckets, q.Highlight = "", "", 0, nil, nil, false
	return q
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

// page is the part of hits a search returns.
func (e cachedSearch) page() []cachedHit {
	return e.hits[:min(len(e.hits), e.q.EffectiveLimit())]
}

// result builds a fresh Result from the cached answer; callers may change
// it without touching the cache.
func (e cachedSearch) result() index.Result {
	out := index.Result{Total: e.total, NextCursor: e.next, TimeCounts: slices.Clone(e.timeCounts)}
	if e.facets != nil {
		out.Facets = make(map[string][]index.FacetCount, len(e.facets))
		for k, v := range e.facets {
			out.Facets[k] = slices.Clone(v.top)
			if out.Facets[k] == nil {
				out.Facets[k] = []index.FacetCount{}
			}
		}
	}
	return out
}

// cloneCounts copies a facet's counts for an update.
func (f facetCounts) cloneCounts() map[string]int { return maps.Clone(f.all) }
