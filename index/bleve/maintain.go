package bleve

import (
	"context"
	"slices"
	"strings"
	"time"

	blevesearch "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/numeric"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// Bounds on bringing cached answers up to date after a write (see
// searchCache): a write of more records, or one that would need more
// ID-restricted lookups than this, ends every cached answer instead, as a
// bulk load should.
const (
	maxMaintainedRecords = 1000
	maxMaintainLookups   = 50_000 // written records × distinct cached filter sets
)

// change is one record a write adds, replaces or removes: its version in
// the search index before the write and after (nil when absent).
type change struct {
	id       string
	old, new *netra.Record
	// unknown says the search index may hold a version of the record that
	// old does not describe (a record deleted from netra.db whose stored
	// form could not be read): the write ends every cached answer.
	unknown bool
}

// maintenance is a write's plan for the search cache, from begin to finish.
type maintenance struct {
	changes    []change
	reviewOnly bool
	ok         bool // keep the cache: bring entries up to date
	// groups are the distinct filter sets of cached entries, by filterKey,
	// with the written IDs each matched before and after the write.
	groups map[string]*matchGroup
}

type matchGroup struct {
	q         index.Query // filters alone
	before    bool        // the match before the write can differ from after
	pre, post map[string]bool
}

// begin starts a write: until finish, no search files an answer, and the
// cached entries stay those the plan was made for.
func (c *searchCache) begin(changes []change, reviewOnly bool) *maintenance {
	m := &maintenance{changes: changes, reviewOnly: reviewOnly}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.writing = true
	if c.off || c.broken || len(c.entries) == 0 || len(changes) > maxMaintainedRecords ||
		slices.ContainsFunc(changes, func(ch change) bool { return ch.unknown }) {
		return m
	}
	m.ok = true
	m.groups = map[string]*matchGroup{}
	for _, e := range c.entries {
		if reviewOnly && !reviewTouches(e) {
			continue
		}
		if !reviewOnly && e.kind == partPage && e.q.EffectiveSort() == index.SortRelevance {
			continue // see finish
		}
		g := m.groups[e.group]
		if g == nil {
			g = &matchGroup{q: filtersOf(e.q)}
			m.groups[e.group] = g
		}
		g.before = g.before || !reviewOnly || filtersReview(e.q)
	}
	if len(m.groups)*len(changes) > maxMaintainLookups {
		m.ok = false
	}
	return m
}

// reviewTouches reports whether a review can change entry e: its matches
// depend on review state, or it counts a field a review changes. A review
// changes no sort key and, for a relevance order, leaves the page as it
// was before reviews were cached apart.
func reviewTouches(e cachedSearch) bool {
	if filtersReview(e.q) {
		return true
	}
	return slices.ContainsFunc(e.q.Facets, reviewFacet)
}

// match runs every group's filters restricted to the written IDs, before
// the write reaches the search index (pre) or after (post).
func (s *Store) match(ctx context.Context, m *maintenance, pre bool) {
	if !m.ok || len(m.groups) == 0 {
		return
	}
	ids := make([]string, len(m.changes))
	for i, ch := range m.changes {
		ids[i] = ch.id
	}
	for _, g := range m.groups {
		if pre && !g.before {
			continue
		}
		got, ok := matchRecords(g.q, m.changes, pre)
		if !ok {
			var err error
			if got, err = s.matchIDs(ctx, g.q, ids); err != nil {
				m.ok = false // cannot tell: end every cached answer
				return
			}
		}
		if pre {
			g.pre = got
		} else {
			g.post = got
			if !g.before {
				g.pre = got // a review cannot change this group's matches
			}
		}
	}
}

// matchRecords tells which changed records match q's filters, from the
// records themselves: their old versions (pre) or new ones. It gives up
// (false) on a text query, which only the search index can answer.
func matchRecords(q index.Query, changes []change, pre bool) (map[string]bool, bool) {
	if q.Text != "" {
		return nil, false
	}
	out := map[string]bool{}
	for _, ch := range changes {
		r := ch.new
		if pre {
			r = ch.old
		}
		if r != nil && matchesFilters(q, *r) {
			out[ch.id] = true
		}
	}
	return out, true
}

// matchesFilters reports whether a record's search document matches the
// filters buildQuery turns q into (q has no text): each list filter by any
// of its values, the score bounds inclusive and the period [Since, Until)
// compared as bleve compares them.
func matchesFilters(q index.Query, r netra.Record) bool {
	if q.Flagged != nil && r.Verdict.Flagged != *q.Flagged {
		return false
	}
	score := numeric.Float64ToInt64(r.Verdict.Score)
	if q.MinScore != nil && score < numeric.Float64ToInt64(*q.MinScore) {
		return false
	}
	if q.MaxScore != nil && score > numeric.Float64ToInt64(*q.MaxScore) {
		return false
	}
	anyOf := func(vals, want []string) bool {
		for _, v := range vals {
			if slices.Contains(want, v) {
				return true
			}
		}
		return false
	}
	for _, f := range []struct {
		field string
		want  []string
	}{
		{fieldCategory, q.Categories}, {fieldRule, q.Rules}, {fieldSource, q.Sources},
		{fieldRegion, q.Regions}, {fieldPlace, q.Places}, {fieldStory, q.Stories},
		{fieldStatus, statusStrings(q.Statuses)}, {fieldReviewer, q.Reviewers},
	} {
		if len(f.want) > 0 && !anyOf(facetValues(r, f.field), f.want) {
			return false
		}
	}
	if len(q.Assignees) > 0 && (r.Review.Assignee == "" || !slices.Contains(q.Assignees, r.Review.Assignee)) {
		return false
	}
	if len(q.IDs) > 0 && !slices.Contains(q.IDs, r.Item.ID) {
		return false
	}
	t := sortTime(r).UnixNano()
	if !q.Since.IsZero() && t < q.Since.UnixNano() {
		return false
	}
	if !q.Until.IsZero() && t >= q.Until.UnixNano() {
		return false
	}
	return true
}

// matchIDs returns which of ids match q's filters now. The caller holds
// the store's read lock.
func (s *Store) matchIDs(ctx context.Context, q index.Query, ids []string) (map[string]bool, error) {
	bq, _, err := s.buildQuery(q)
	if err != nil {
		return nil, err
	}
	req := blevesearch.NewSearchRequestOptions(blevesearch.NewConjunctionQuery(bq, blevesearch.NewDocIDQuery(ids)), len(ids), 0, false)
	req.SortBy([]string{"_id"})
	req.Score = "none"
	res, err := s.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(res.Hits))
	for _, h := range res.Hits {
		out[h.ID] = true
	}
	return out, nil
}

// finish ends a write: when the write reached the search index (applied)
// and the plan could be carried out, every entry is brought up to date or
// removed; otherwise every entry is removed. Searches may file answers
// again from the next generation.
func (c *searchCache) finish(m *maintenance, applied bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.writing = false
	c.gen++
	if !applied {
		// netra.db has the write and the search index may not, until the
		// next Open replays it: records' old versions no longer tell what
		// the index holds.
		c.broken = true
	}
	if !applied || !m.ok {
		c.entries = nil
		return
	}
	for key, e := range c.entries {
		g := m.groups[e.group]
		if g == nil && m.reviewOnly {
			continue // a review that cannot change it
		}
		if g == nil {
			// A relevance order: any record added or removed changes
			// how rare each word is, and so every score.
			delete(c.entries, key)
			continue
		}
		ne, ok := e.updated(m, g)
		if !ok {
			delete(c.entries, key)
			continue
		}
		c.entries[key] = ne
		c.kept++
	}
}

// updated is e after the write, or false when it cannot be told without a
// new search.
func (e cachedSearch) updated(m *maintenance, g *matchGroup) (cachedSearch, bool) {
	if m.reviewOnly && !reviewTouches(e) {
		return e, true // in a group only because another entry is touched
	}
	var counts map[string]map[string]int // facets changed so far, copied on first change
	times := e.timeCounts
	timesCopied := false
	for _, ch := range m.changes {
		was, is := g.pre[ch.id], g.post[ch.id]
		if !was && !is {
			continue
		}
		if (was && ch.old == nil) || (is && ch.new == nil) {
			return e, false // the search index and netra.db disagree
		}
		if e.kind == partPage {
			var ok bool
			if e, ok = e.pageUpdated(ch, was, is); !ok {
				return e, false
			}
			continue
		}
		for _, f := range e.q.Facets {
			fc := e.facets[f]
			if !fc.complete || !facetField(f) {
				return e, false
			}
			if counts == nil {
				counts = map[string]map[string]int{}
			}
			all := counts[f]
			if all == nil {
				all = fc.cloneCounts()
				if all == nil {
					all = map[string]int{}
				}
				counts[f] = all
			}
			if was {
				for _, v := range facetValues(*ch.old, f) {
					if all[v]--; all[v] <= 0 {
						delete(all, v)
					}
				}
			}
			if is {
				for _, v := range facetValues(*ch.new, f) {
					all[v]++
				}
			}
		}
		if len(e.q.TimeBuckets) > 1 {
			if !timesCopied {
				times, timesCopied = slices.Clone(times), true
			}
			if was {
				if i := timeBucket(e.q.TimeBuckets, *ch.old); i >= 0 && i < len(times) {
					times[i]--
				}
			}
			if is {
				if i := timeBucket(e.q.TimeBuckets, *ch.new); i >= 0 && i < len(times) {
					times[i]++
				}
			}
		}
	}
	if counts != nil {
		facets := make(map[string]facetCounts, len(e.facets))
		for f, fc := range e.facets {
			if all, ok := counts[f]; ok {
				fc = newFacetCounts(all, true)
			}
			facets[f] = fc
		}
		e.facets = facets
	}
	e.timeCounts = times
	return e, true
}

// timeBucket is the index of the bucket of bounds that r's indexed time
// falls in (start inclusive, end exclusive, as bleve's date ranges), or -1.
func timeBucket(bounds []time.Time, r netra.Record) int {
	t := sortTime(r)
	for i := 1; i < len(bounds); i++ {
		from, until := bounds[i-1].UTC(), bounds[i].UTC()
		if (from.IsZero() || !t.Before(from)) && (until.IsZero() || t.Before(until)) {
			return i - 1
		}
	}
	return -1
}

// pageUpdated is a page after one record changed: the total moves, the
// record enters, moves in or leaves the kept hits. It fails where the hits
// beyond those kept would be needed, and for orders a write can change for
// records it did not touch (relevance) or whose position it cannot tell (a
// later page).
func (e cachedSearch) pageUpdated(ch change, was, is bool) (cachedSearch, bool) {
	so := e.q.EffectiveSort()
	if so == index.SortRelevance || e.q.Cursor != "" {
		return e, false
	}
	order, err := sortOrder(so)
	if err != nil {
		return e, false
	}
	limit := e.q.EffectiveLimit()
	complete := len(e.hits) <= limit // the hits are every match
	hits := slices.Clone(e.hits)
	if is {
		e.total++
	}
	if was {
		e.total--
	}
	at := slices.IndexFunc(hits, func(h cachedHit) bool { return h.id == ch.id })
	if at >= 0 {
		hits = slices.Delete(hits, at, at+1)
		if !is && !complete {
			return e, false // the next match beyond the kept hits moves up
		}
	}
	if is {
		key := hitSortKey(*ch.new, so)
		pos, _ := slices.BinarySearchFunc(hits, key, func(h cachedHit, k []string) int { return compareSort(h.sort, k, order) })
		switch {
		case pos < len(hits) || complete:
			hits = slices.Insert(hits, pos, cachedHit{id: ch.id, sort: key})
			hits = hits[:min(len(hits), limit+1)]
		case at >= 0:
			return e, false // it moved beyond the kept hits: what is between is unknown
		}
	}
	e.hits = hits
	next, err := nextCursor(hits, limit, so)
	if err != nil {
		return e, false
	}
	e.next = next
	return e, true
}

// hitSortKey is what bleve reports as a hit's sort values for record r in
// order so (not relevance).
func hitSortKey(r netra.Record, so index.Sort) []string {
	newest, oldest, score := sortKeys(r)
	switch so {
	case index.SortTimeAsc:
		return []string{oldest, r.Item.ID}
	case index.SortScoreDesc:
		return []string{score, r.Item.ID}
	}
	return []string{newest, r.Item.ID}
}

// compareSort compares two hits' sort values as bleve orders them:
// byte-wise per field, descending where the field starts with "-".
func compareSort(a, b []string, order []string) int {
	for i, f := range order {
		if i >= len(a) || i >= len(b) {
			break
		}
		c := strings.Compare(a[i], b[i])
		if strings.HasPrefix(f, "-") {
			c = -c
		}
		if c != 0 {
			return c
		}
	}
	return 0
}

// facetField reports whether f is a field facetValues knows.
func facetField(f string) bool {
	switch f {
	case fieldSource, fieldRegion, fieldReviewer, fieldStatus, fieldStory, fieldCategory, fieldRule, fieldPlace:
		return true
	}
	return false
}

// facetValues are the terms a record's search document has in facet field
// f (see searchDoc, which indexes exactly these); nil for other fields.
func facetValues(r netra.Record, f string) []string {
	one := func(v string) []string {
		if v == "" {
			return nil
		}
		return []string{v}
	}
	switch f {
	case fieldSource:
		return one(r.Item.Source)
	case fieldRegion:
		return one(r.Item.Region)
	case fieldReviewer:
		return one(r.Review.Reviewer)
	case fieldStatus:
		return []string{string(index.RecordStatus(r))}
	case fieldStory:
		return []string{index.RecordStory(r)}
	case fieldCategory:
		return distinct(r.Verdict.Categories)
	case fieldRule:
		return index.RecordRules(r)
	case fieldPlace:
		return index.RecordPlaces(r)
	}
	return nil
}
