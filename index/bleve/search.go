package bleve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"

	blevesearch "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	bolt "go.etcd.io/bbolt"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// backendName marks cursors made by this store.
const backendName = "bleve"

// timeBucketsFacet names the date range facet of Query.TimeBuckets (not a
// facet name callers can ask for).
const timeBucketsFacet = "\x00time_buckets"

// maxFacetValues is how many values of one facet a search returns.
const maxFacetValues = 50

// maxCountedValues is how many values of one facet a search counts, so the
// cache can keep the counts up to date after a write; a facet with more
// values (the stories of a whole store) is counted anew after a write.
const maxCountedValues = 5000

// nextCursor is the cursor after a page of limit hits, when hits (one more
// than a page where there are more) say another page exists.
func nextCursor(hits []cachedHit, limit int, so index.Sort) (string, error) {
	if len(hits) <= limit {
		return "", nil
	}
	last := hits[limit-1]
	key := slices.Clone(last.sort)
	if so == index.SortRelevance && len(key) > 0 {
		// bleve reports the score's sort value as a placeholder;
		// search_after wants the number itself.
		key[0] = strconv.FormatFloat(last.score, 'g', -1, 64)
	}
	after, err := json.Marshal(key)
	if err != nil {
		return "", err
	}
	return index.EncodeCursor(index.Cursor{Backend: backendName, Sort: so, After: after})
}

// buildQuery turns a Query's text and filters into one bleve query. It also
// returns the parsed text, which highlighting needs.
func (s *Store) buildQuery(q index.Query) (query.Query, index.TextQuery, error) {
	if err := q.Check(); err != nil {
		return nil, index.TextQuery{}, err
	}
	var must []query.Query
	tq, err := index.ParseText(q.Text, s.analyze)
	if err != nil {
		return nil, index.TextQuery{}, err
	}
	for _, c := range tq.Clauses {
		var alts []query.Query
		for _, a := range c.Alts {
			if aq := altQuery(a); aq != nil {
				alts = append(alts, aq)
			}
		}
		switch len(alts) {
		case 0:
			// Every alternative was unindexable (e.g. an overlong term): the
			// clause cannot match.
			return blevesearch.NewMatchNoneQuery(), tq, nil
		case 1:
			must = append(must, alts[0])
		default:
			must = append(must, blevesearch.NewDisjunctionQuery(alts...))
		}
	}
	if q.Flagged != nil {
		bq := blevesearch.NewBoolFieldQuery(*q.Flagged)
		bq.SetField(fieldFlagged)
		must = append(must, bq)
	}
	if q.MinScore != nil || q.MaxScore != nil {
		incl := true
		nq := blevesearch.NewNumericRangeInclusiveQuery(q.MinScore, q.MaxScore, &incl, &incl)
		nq.SetField(fieldScore)
		must = append(must, nq)
	}
	for _, f := range []struct {
		field string
		vals  []string
	}{
		{fieldCategory, q.Categories},
		{fieldRule, q.Rules},
		{fieldSource, q.Sources},
		{fieldRegion, q.Regions},
		{fieldPlace, q.Places},
		{fieldStory, q.Stories},
		{fieldStatus, statusStrings(q.Statuses)},
		{fieldAssignee, q.Assignees},
		{fieldReviewer, q.Reviewers},
	} {
		if len(f.vals) > 0 {
			must = append(must, anyTerm(f.field, f.vals))
		}
	}
	if len(q.IDs) > 0 {
		must = append(must, blevesearch.NewDocIDQuery(q.IDs))
	}
	if !q.Since.IsZero() || !q.Until.IsZero() {
		t, f := true, false
		dq := blevesearch.NewDateRangeInclusiveQuery(q.Since.UTC(), q.Until.UTC(), &t, &f)
		dq.SetField(fieldTime)
		must = append(must, dq)
	}
	switch len(must) {
	case 0:
		return blevesearch.NewMatchAllQuery(), tq, nil
	case 1:
		return must[0], tq, nil
	}
	return blevesearch.NewConjunctionQuery(must...), tq, nil
}

func altQuery(a index.Alt) query.Query {
	switch a.Kind {
	case index.KindPrefix:
		p := cleanTerm(a.Prefix)
		if p == "" {
			return nil
		}
		w := blevesearch.NewPrefixQuery(p)
		w.SetField(fieldExact)
		t := blevesearch.NewPrefixQuery(p)
		t.SetField(fieldTerms)
		return blevesearch.NewDisjunctionQuery(w, t)
	case index.KindPhrase, index.KindExact:
		field := fieldTerms
		if a.Kind == index.KindExact {
			field = fieldExact
		}
		terms := make([]string, 0, len(a.Terms))
		for _, t := range a.Terms {
			if t = cleanTerm(t); t != "" {
				terms = append(terms, t)
			}
		}
		switch len(terms) {
		case 0:
			return nil
		case 1:
			tq := blevesearch.NewTermQuery(terms[0])
			tq.SetField(field)
			return tq
		}
		return blevesearch.NewPhraseQuery(terms, field)
	default:
		t := cleanTerm(a.Terms[0])
		if t == "" {
			return nil
		}
		tq := blevesearch.NewTermQuery(t)
		tq.SetField(fieldTerms)
		return tq
	}
}

func anyTerm(field string, vals []string) query.Query {
	qs := make([]query.Query, 0, len(vals))
	for _, v := range vals {
		tq := blevesearch.NewTermQuery(v)
		tq.SetField(field)
		qs = append(qs, tq)
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return blevesearch.NewDisjunctionQuery(qs...)
}

func statusStrings(ss []netra.Status) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return out
}

// sortOrder is the bleve sort of each Sort, always ending in _id so equal
// keys have one order and cursors can continue after any record.
func sortOrder(so index.Sort) ([]string, error) {
	switch so {
	case index.SortRelevance:
		return []string{"-_score", "_id"}, nil
	case index.SortScoreDesc:
		return []string{"-" + fieldKeyScore, "_id"}, nil
	case index.SortTimeDesc:
		return []string{"-" + fieldKeyNewest, "_id"}, nil
	case index.SortTimeAsc:
		return []string{fieldKeyOldest, "_id"}, nil
	}
	return nil, fmt.Errorf("unknown sort %q (want relevance, score, -time for newest first or time for oldest first)", so)
}

// Search runs a reviewer's query: the search index finds and orders IDs
// (or the search cache remembers them, until the next write), netra.db
// supplies the records.
func (s *Store) Search(ctx context.Context, q index.Query) (index.Result, error) {
	s.cmu.RLock()
	defer s.cmu.RUnlock()
	if err := s.checkOpen(ctx); err != nil {
		return index.Result{}, err
	}
	bq, tq, err := s.buildQuery(q)
	if err != nil {
		return index.Result{}, fmt.Errorf("search: %w", err)
	}
	so := q.EffectiveSort()
	e, err := s.indexAnswer(ctx, bq, q)
	if err != nil {
		return index.Result{}, err
	}
	out := e.result()
	page := e.page()
	out.Matches = make([]index.Match, 0, len(page))
	err = s.db.View(func(tx *bolt.Tx) error {
		rb := tx.Bucket(bucketRecords)
		for _, h := range page {
			v := rb.Get([]byte(h.id))
			if v == nil {
				continue // deleted since the search index answered
			}
			var m index.Match
			if err := json.Unmarshal(v, &m.Record); err != nil {
				return fmt.Errorf("record %s: %w", h.id, err)
			}
			if so == index.SortRelevance && !math.IsNaN(h.score) && !math.IsInf(h.score, 0) {
				m.Relevance = h.score
			}
			if q.Highlight {
				m.Snippets = index.RecordSnippets(m.Record, s.analyze, tq)
			}
			out.Matches = append(out.Matches, m)
		}
		return nil
	})
	if err != nil {
		return index.Result{}, fmt.Errorf("search: %w", err)
	}
	return out, nil
}

// indexAnswer answers q from the search cache where it can. An answer has
// three parts, cached apart because they are asked for and kept up to date
// separately:
//
//   - the page: IDs in order, the total and the next cursor, for q's sort,
//     cursor and limit;
//   - the counts of fields no review changes (and the week counts), for q's
//     filters alone, so every page of a queue shares them;
//   - the status and reviewer counts, for q's filters alone, which a review
//     changes.
//
// Whatever is missing comes from one pass over the index: with the page
// when the page is missing, else a count-only pass that reads the missing
// counts' fields alone.
func (s *Store) indexAnswer(ctx context.Context, bq query.Query, q index.Query) (cachedSearch, error) {
	// The generation is read before the index is asked (see searchCache).
	gen := s.cache.generation()
	filters := filtersOf(q)
	group, _ := cacheKey("m", filters)
	hq := q
	hq.Facets, hq.TimeBuckets, hq.Highlight = nil, nil, false
	fq := filters
	fq.TimeBuckets = q.TimeBuckets
	cq := filters
	for _, f := range q.Facets {
		if reviewFacet(f) {
			cq.Facets = append(cq.Facets, f)
		} else {
			fq.Facets = append(fq.Facets, f)
		}
	}
	parts := []struct {
		kind      string
		q         index.Query
		want      bool
		key       string
		cacheable bool
		e         cachedSearch
		have      bool
	}{
		{kind: partPage, q: hq, want: true},
		{kind: partFacets, q: fq, want: len(fq.Facets) > 0 || len(fq.TimeBuckets) > 1},
		{kind: partCount, q: cq, want: len(cq.Facets) > 0},
	}
	missing := ""
	for i := range parts {
		p := &parts[i]
		if !p.want {
			continue
		}
		p.key, p.cacheable = cacheKey(p.kind, p.q)
		if p.cacheable {
			p.e, p.have = s.cache.get(p.key)
		}
		if !p.have {
			missing += " " + p.kind
		}
	}
	if missing != "" {
		// One pass for every missing part; reviewers asking the same at
		// once share it.
		withPage := !parts[0].have
		pass := filters
		if withPage {
			pass = hq
		}
		for _, p := range parts[1:] {
			if p.want && !p.have {
				pass.Facets = append(pass.Facets, p.q.Facets...)
				if len(p.q.TimeBuckets) > 1 {
					pass.TimeBuckets = p.q.TimeBuckets
				}
			}
		}
		key, shareable := cacheKey(fmt.Sprintf("pass %d%s", gen, missing), pass)
		v, err := s.shared(ctx, key, shareable, func(ctx context.Context) (any, error) {
			e, err := s.searchIndex(ctx, bq, pass, !withPage)
			if err != nil {
				return nil, err
			}
			var out [3]cachedSearch
			for i, p := range parts {
				if !p.want || p.have {
					continue
				}
				part := cachedSearch{kind: p.kind, q: p.q, group: group}
				switch p.kind {
				case partPage:
					part.total, part.hits, part.next = e.total, e.hits, e.next
				default:
					if len(p.q.Facets) > 0 {
						part.facets = map[string]facetCounts{}
						for _, f := range p.q.Facets {
							part.facets[f] = e.facets[f]
						}
					}
					if len(p.q.TimeBuckets) > 1 {
						part.timeCounts = e.timeCounts
					}
				}
				if p.cacheable && group != "" {
					s.cache.put(p.key, gen, part)
				}
				out[i] = part
			}
			return out, nil
		})
		if err != nil {
			return cachedSearch{}, err
		}
		fresh := v.([3]cachedSearch)
		for i := range parts {
			if parts[i].want && !parts[i].have {
				parts[i].e, parts[i].have = fresh[i], true
			}
		}
	}
	out := parts[0].e
	if len(q.Facets) > 0 {
		out.facets = make(map[string]facetCounts, len(q.Facets))
		for _, p := range parts[1:] {
			for _, f := range p.q.Facets {
				out.facets[f] = p.e.facets[f] // result() copies the counts
			}
		}
	}
	if len(q.TimeBuckets) > 1 {
		out.timeCounts = parts[1].e.timeCounts
	}
	return out, nil
}

// shared runs fn once for concurrent callers with the same key (when
// shareable), so reviewers opening the same queue at once cost one pass.
// What fn returns is shared: callers must not change it. A caller whose
// own request is alive does not inherit another's cancellation: it runs fn
// itself.
func (s *Store) shared(ctx context.Context, key string, shareable bool, fn func(context.Context) (any, error)) (any, error) {
	if !shareable {
		return fn(ctx)
	}
	v, err, _ := s.flight.Do(key, func() (any, error) { return fn(ctx) })
	if err != nil && ctx.Err() == nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		return fn(ctx)
	}
	return v, err
}

// searchIndex asks the search index for q's page of IDs, its total, its
// facet and time counts; countOnly asks for the total and counts alone,
// which spares reading sort keys.
func (s *Store) searchIndex(ctx context.Context, bq query.Query, q index.Query, countOnly bool) (cachedSearch, error) {
	so := q.EffectiveSort()
	order, err := sortOrder(so)
	if err != nil {
		return cachedSearch{}, fmt.Errorf("search: %w", err)
	}
	limit := q.EffectiveLimit()
	// One extra hit tells whether another page exists.
	req := blevesearch.NewSearchRequestOptions(bq, limit+1, 0, false)
	req.SortBy(order)
	if so != index.SortRelevance {
		req.Score = "none"
	}
	if countOnly {
		// No hits and no order: bleve then reads only the facets' fields.
		req.Size = 0
		req.SortBy([]string{"-_score"})
		req.Score = "none"
	}
	if q.Cursor != "" {
		c, err := index.DecodeCursor(q.Cursor, backendName, so)
		if err != nil {
			return cachedSearch{}, fmt.Errorf("search: %w", err)
		}
		var after []string
		if err := json.Unmarshal(c.After, &after); err != nil || len(after) != len(order) {
			return cachedSearch{}, fmt.Errorf("search: %w: bad sort key", index.ErrBadCursor)
		}
		req.SearchAfter = after
	}
	for _, name := range q.Facets { // q.Check accepted only known names
		// Every value is counted (up to maxCountedValues), not just those
		// shown, so a write can update the counts (see searchCache).
		req.AddFacet(name, blevesearch.NewFacetRequest(name, maxCountedValues))
	}
	if len(q.TimeBuckets) > 1 {
		fr := blevesearch.NewFacetRequest(fieldTime, len(q.TimeBuckets))
		for i := 1; i < len(q.TimeBuckets); i++ {
			fr.AddDateTimeRange(strconv.Itoa(i-1), q.TimeBuckets[i-1].UTC(), q.TimeBuckets[i].UTC())
		}
		req.AddFacet(timeBucketsFacet, fr)
	}
	res, err := s.idx.SearchInContext(ctx, req)
	if err != nil {
		return cachedSearch{}, fmt.Errorf("search: %w", err)
	}

	out := cachedSearch{total: int(res.Total)}
	if !countOnly {
		out.hits = make([]cachedHit, len(res.Hits))
		for i, h := range res.Hits {
			out.hits[i] = cachedHit{id: h.ID, score: h.Score, sort: slices.Clone(h.Sort)}
		}
		if out.next, err = nextCursor(out.hits, limit, so); err != nil {
			return cachedSearch{}, fmt.Errorf("search: %w", err)
		}
	}
	if len(q.TimeBuckets) > 1 {
		out.timeCounts = make([]int, len(q.TimeBuckets)-1)
		if f := res.Facets[timeBucketsFacet]; f != nil {
			for _, dr := range f.DateRanges {
				if i, err := strconv.Atoi(dr.Name); err == nil && i >= 0 && i < len(out.timeCounts) {
					out.timeCounts[i] = dr.Count
				}
			}
		}
	}
	if len(q.Facets) > 0 {
		out.facets = map[string]facetCounts{}
		for _, name := range q.Facets {
			all := map[string]int{}
			complete := true
			if f := res.Facets[name]; f != nil && f.Terms != nil {
				for _, t := range f.Terms.Terms() {
					all[t.Term] = t.Count
				}
				complete = f.Other == 0
			}
			out.facets[name] = newFacetCounts(all, complete)
		}
	}
	return out, nil
}
