package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/netra-id/netra/index"
)

// pitKeepAlive is how long a cursor's point in time stays open between
// pages. A cursor used later still works, without the snapshot.
const pitKeepAlive = "5m"

// timeBucketsAgg names the date_range aggregation of Query.TimeBuckets.
const timeBucketsAgg = "netra_time_buckets"

// maxFacetValues caps the buckets of one facet.
const maxFacetValues = 100

// facetField maps a facet name of index.Query to the document field it
// counts, or "" for a name this backend does not know.
func facetField(name string) string {
	switch name {
	case index.FacetCategory:
		return "verdict.categories"
	case index.FacetRule:
		return "rules"
	case index.FacetSource:
		return "item.source"
	case index.FacetRegion:
		return "item.region"
	case index.FacetStatus:
		return "review.status"
	case index.FacetPlace:
		return "places"
	case index.FacetStory:
		return "story"
	case index.FacetReviewer:
		return "review.reviewer"
	}
	return ""
}

// cursorAfter is what this backend keeps in index.Cursor.After.
type cursorAfter struct {
	PIT    string            `json:"pit,omitempty"`
	Values []json.RawMessage `json:"v"`
}

// Search runs a reviewer's query: filters as a bool filter, the text on the
// analysed "terms" field (and the raw words for prefixes), facets as terms
// aggregations, pages with search_after on a sort ending in the record ID,
// inside a point in time opened by the second page.
func (s *Store) Search(ctx context.Context, q index.Query) (index.Result, error) {
	if err := q.Check(); err != nil {
		return index.Result{}, err
	}
	tq, err := index.ParseText(q.Text, s.opt.analyze)
	if err != nil {
		return index.Result{}, err
	}
	sortKind := q.EffectiveSort()
	limit := q.EffectiveLimit()
	var after cursorAfter
	if q.Cursor != "" {
		c, err := index.DecodeCursor(q.Cursor, Backend, sortKind)
		if err != nil {
			return index.Result{}, err
		}
		if err := json.Unmarshal(c.After, &after); err != nil || len(after.Values) == 0 {
			return index.Result{}, fmt.Errorf("%w: bad position", index.ErrBadCursor)
		}
	}
	query, err := s.buildQuery(q, tq)
	if err != nil {
		return index.Result{}, err
	}
	req := map[string]any{
		"query":            query,
		"size":             limit + 1, // one more tells whether there is a next page
		"track_total_hits": true,
		"sort":             sortClause(sortKind),
	}
	if len(after.Values) > 0 {
		req["search_after"] = after.Values
	}
	if len(q.Facets) > 0 {
		aggs := map[string]any{}
		for _, f := range q.Facets {
			field := facetField(f)
			if field == "" {
				return index.Result{}, fmt.Errorf("search: unknown facet %q", f)
			}
			aggs[f] = map[string]any{"terms": map[string]any{
				"field": field, "size": maxFacetValues,
				"order": []any{map[string]any{"_count": "desc"}, map[string]any{"_key": "asc"}},
			}}
		}
		req["aggs"] = aggs
	}
	if len(q.TimeBuckets) > 1 {
		aggs, _ := req["aggs"].(map[string]any)
		if aggs == nil {
			aggs = map[string]any{}
			req["aggs"] = aggs
		}
		ranges := make([]any, 0, len(q.TimeBuckets)-1)
		for i := 1; i < len(q.TimeBuckets); i++ {
			ranges = append(ranges, map[string]any{
				"from": q.TimeBuckets[i-1].UTC().Format(time.RFC3339Nano),
				"to":   q.TimeBuckets[i].UTC().Format(time.RFC3339Nano),
			})
		}
		aggs[timeBucketsAgg] = map[string]any{"date_range": map[string]any{"field": "time", "ranges": ranges, "keyed": false}}
	}
	if q.Cursor != "" && after.PIT == "" {
		// The second page opens the point in time the rest read from, so
		// a first page (most searches end there) costs one request. Not
		// getting one only costs that snapshot.
		after.PIT, _ = s.openPIT(ctx)
	}
	res, err := s.search(ctx, req, after.PIT)
	var ee *esError
	if after.PIT != "" && errors.As(err, &ee) && ee.Status == http.StatusNotFound {
		// The point in time expired: go on from the same position on the
		// live index; search_after keeps pages from repeating.
		after.PIT = ""
		if n := len(sortClause(sortKind)); len(after.Values) > n {
			// Pages read in a point in time carry its implicit
			// _shard_doc tiebreaker; the live index takes ours only.
			req["search_after"] = after.Values[:n]
		}
		res, err = s.search(ctx, req, "")
	}
	if err != nil && q.Cursor != "" && errors.As(err, &ee) && ee.Status == http.StatusBadRequest {
		// A cursor that decodes but that the cluster cannot use (forged
		// or damaged position or point in time) is the client's error.
		return index.Result{}, fmt.Errorf("%w: %v", index.ErrBadCursor, err)
	}
	if err != nil {
		return index.Result{}, fmt.Errorf("search: %w", err)
	}
	out := index.Result{Total: res.Hits.Total.Value, Matches: []index.Match{}}
	hits := res.Hits.Hits
	more := len(hits) > limit
	if more {
		hits = hits[:limit]
	}
	for _, h := range hits {
		var d document
		if err := json.Unmarshal(h.Source, &d); err != nil {
			return index.Result{}, fmt.Errorf("search: decode record %s: %w", h.ID, err)
		}
		m := index.Match{Record: d.record()}
		if h.Score != nil {
			m.Relevance = *h.Score
		}
		if q.Highlight {
			m.Snippets = index.RecordSnippets(m.Record, s.opt.analyze, tq)
		}
		out.Matches = append(out.Matches, m)
	}
	if len(q.Facets) > 0 {
		out.Facets = map[string][]index.FacetCount{}
		for _, f := range q.Facets {
			fc := []index.FacetCount{}
			for _, b := range res.Aggregations[f].Buckets {
				fc = append(fc, index.FacetCount{Value: b.key(), Count: b.DocCount})
			}
			out.Facets[f] = fc
		}
	}
	if len(q.TimeBuckets) > 1 {
		out.TimeCounts = make([]int, len(q.TimeBuckets)-1)
		// date_range answers its ranges sorted by from, the order asked.
		for i, b := range res.Aggregations[timeBucketsAgg].Buckets {
			if i < len(out.TimeCounts) {
				out.TimeCounts[i] = b.DocCount
			}
		}
	}
	if more && len(hits) > 0 {
		na, err := json.Marshal(cursorAfter{PIT: after.PIT, Values: hits[len(hits)-1].Sort})
		if err != nil {
			return index.Result{}, err
		}
		out.NextCursor, err = index.EncodeCursor(index.Cursor{Backend: Backend, Sort: sortKind, After: na})
		if err != nil {
			return index.Result{}, err
		}
	} else if after.PIT != "" {
		s.closePIT(ctx, after.PIT)
	}
	return out, nil
}

func sortClause(k index.Sort) []any {
	tie := map[string]any{"id": "asc"}
	switch k {
	case index.SortRelevance:
		return []any{"_score", map[string]any{"time": "desc"}, tie}
	case index.SortScoreDesc:
		return []any{map[string]any{"verdict.score": "desc"}, map[string]any{"time": "desc"}, tie}
	case index.SortTimeAsc:
		return []any{map[string]any{"dated": "desc"}, map[string]any{"time": "asc"}, tie}
	}
	return []any{map[string]any{"dated": "desc"}, map[string]any{"time": "desc"}, tie}
}

type searchResponse struct {
	Hits struct {
		Total struct {
			Value int `json:"value"`
		} `json:"total"`
		Hits []struct {
			Index  string            `json:"_index"`
			ID     string            `json:"_id"`
			Score  *float64          `json:"_score"`
			Source json.RawMessage   `json:"_source"`
			Sort   []json.RawMessage `json:"sort"`
		} `json:"hits"`
	} `json:"hits"`
	Aggregations map[string]struct {
		Buckets []bucket `json:"buckets"`
	} `json:"aggregations"`
}

type bucket struct {
	Key         json.RawMessage `json:"key"`
	KeyAsString string          `json:"key_as_string"`
	DocCount    int             `json:"doc_count"`
}

func (b bucket) key() string {
	if b.KeyAsString != "" {
		return b.KeyAsString
	}
	var s string
	if json.Unmarshal(b.Key, &s) == nil {
		return s
	}
	return string(b.Key)
}

// hitsOf is the hits part of a search response whose documents decode
// into T; each hit also carries its index, id and sort values.
type hitsOf[T any] struct {
	Hits struct {
		Hits []struct {
			Index  string `json:"_index"`
			ID     string `json:"_id"`
			Source T      `json:"_source"`
			Sort   []any  `json:"sort"`
		} `json:"hits"`
	} `json:"hits"`
}

// search sends a search body, inside the point in time pit when set.
func (s *Store) search(ctx context.Context, req map[string]any, pit string) (searchResponse, error) {
	path := "/" + s.readAlias + "/_search"
	if pit != "" {
		body := make(map[string]any, len(req)+1)
		for k, v := range req {
			body[k] = v
		}
		body["pit"] = map[string]any{"id": pit, "keep_alive": pitKeepAlive}
		req = body
		path = "/_search"
	}
	var res searchResponse
	b, err := jsonBody(req)
	if err != nil {
		return res, err
	}
	_, err = s.do(ctx, http.MethodPost, path, b, &res)
	return res, err
}

func (s *Store) openPIT(ctx context.Context) (string, error) {
	var res struct {
		ID string `json:"id"`
	}
	_, err := s.do(ctx, http.MethodPost, "/"+s.readAlias+"/_pit?keep_alive="+pitKeepAlive, nil, &res)
	return res.ID, err
}

func (s *Store) closePIT(ctx context.Context, id string) {
	b, err := jsonBody(map[string]string{"id": id})
	if err == nil {
		_, _ = s.do(ctx, http.MethodDelete, "/_pit", b, nil)
	}
}

// buildQuery translates filters and text into a bool query.
func (s *Store) buildQuery(q index.Query, tq index.TextQuery) (map[string]any, error) {
	var filter, must []any
	terms := func(field string, vals []string) {
		if len(vals) > 0 {
			filter = append(filter, map[string]any{"terms": map[string]any{field: vals}})
		}
	}
	if q.Flagged != nil {
		filter = append(filter, map[string]any{"term": map[string]any{"verdict.flagged": *q.Flagged}})
	}
	if q.MinScore != nil || q.MaxScore != nil {
		r := map[string]any{}
		if q.MinScore != nil {
			r["gte"] = *q.MinScore
		}
		if q.MaxScore != nil {
			r["lte"] = *q.MaxScore
		}
		filter = append(filter, map[string]any{"range": map[string]any{"verdict.score": r}})
	}
	terms("verdict.categories", q.Categories)
	terms("rules", q.Rules)
	terms("item.source", q.Sources)
	terms("item.region", q.Regions)
	terms("places", q.Places)
	terms("story", q.Stories)
	if len(q.Statuses) > 0 {
		st := make([]string, len(q.Statuses))
		for i, v := range q.Statuses {
			st[i] = string(v)
		}
		terms("review.status", st)
	}
	terms("review.assignee", q.Assignees)
	terms("review.reviewer", q.Reviewers)
	terms("id", q.IDs)
	if !q.Since.IsZero() || !q.Until.IsZero() {
		r := map[string]any{}
		if !q.Since.IsZero() {
			r["gte"] = q.Since.UTC().Format(time.RFC3339Nano)
		}
		if !q.Until.IsZero() {
			r["lt"] = q.Until.UTC().Format(time.RFC3339Nano)
		}
		filter = append(filter, map[string]any{"range": map[string]any{"time": r}})
	}
	for _, c := range tq.Clauses {
		var should []any
		for _, a := range c.Alts {
			switch a.Kind {
			case index.KindTerm:
				should = append(should, map[string]any{"match": map[string]any{"terms": map[string]any{"query": a.Terms[0], "operator": "and"}}})
			case index.KindPhrase:
				should = append(should, map[string]any{"match_phrase": map[string]any{"terms": joinTerms(a.Terms)}})
			case index.KindExact:
				should = append(should, map[string]any{"match_phrase": map[string]any{"exact": joinTerms(a.Terms)}})
			case index.KindPrefix:
				for _, f := range []string{"terms", "item.text", "item.title"} {
					should = append(should, map[string]any{"prefix": map[string]any{f: map[string]any{"value": a.Prefix}}})
				}
			}
		}
		must = append(must, map[string]any{"bool": map[string]any{"should": should, "minimum_should_match": 1}})
	}
	b := map[string]any{}
	if len(filter) > 0 {
		b["filter"] = filter
	}
	if len(must) > 0 {
		b["must"] = must
	}
	if len(b) == 0 {
		return map[string]any{"match_all": map[string]any{}}, nil
	}
	return map[string]any{"bool": b}, nil
}

func joinTerms(t []string) string {
	n := 0
	for _, s := range t {
		n += len(s) + 1
	}
	b := make([]byte, 0, n)
	for i, s := range t {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, s...)
	}
	return string(b)
}

// DeleteByQuery removes every record matching q. The integ-test
// distribution has no delete-by-query API (it lives in the reindex module),
// so matching IDs are collected page by page and deleted in bulk; this also
// works on full clusters.
func (s *Store) DeleteByQuery(ctx context.Context, q index.Query) (int, error) {
	if err := q.Check(); err != nil {
		return 0, fmt.Errorf("delete: %w", err)
	}
	tq, err := index.ParseText(q.Text, s.opt.analyze)
	if err != nil {
		return 0, err
	}
	query, err := s.buildQuery(q, tq)
	if err != nil {
		return 0, err
	}
	deleted := 0
	for {
		req := map[string]any{"query": query, "size": 1000, "_source": false, "sort": []any{map[string]any{"id": "asc"}}}
		res, err := s.search(ctx, req, "")
		if err != nil {
			return deleted, fmt.Errorf("delete by query: %w", err)
		}
		if len(res.Hits.Hits) == 0 {
			return deleted, nil
		}
		var body []byte
		for _, h := range res.Hits.Hits {
			meta, _ := json.Marshal(map[string]any{"delete": map[string]any{"_index": h.Index, "_id": h.ID}})
			body = append(append(body, meta...), '\n')
		}
		var br bulkResponse
		if _, err := s.do(ctx, http.MethodPost, "/_bulk?refresh=wait_for", bytes.NewReader(body), &br); err != nil {
			return deleted, fmt.Errorf("delete by query: %w", err)
		}
		for _, it := range br.Items {
			for _, r := range it {
				switch {
				case r.Error != nil && r.Status != http.StatusNotFound:
					return deleted, fmt.Errorf("delete by query: %s: %s", r.Error.Type, r.Error.Reason)
				case r.Status == http.StatusOK:
					deleted++
				}
			}
		}
	}
}
