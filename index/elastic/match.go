package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/netra-id/netra/index"
)

// matchChunk bounds the saved searches of one search body, so that the
// named queries stay well under the cluster's clause limit.
const matchChunk = 200

// MatchBatch runs many queries, each restricted to the same batch of IDs
// (Query.IDs), and returns the IDs each matches. The alert package uses it
// to match a stored batch against every saved search (the percolator is
// not available everywhere).
//
// The batch is read once per 200 queries: one search filtered to the IDs,
// each query a named clause, and every hit says which queries matched it
// (matched_queries). All the bodies travel in one _msearch request.
// Queries with different IDs are run one body each. The items index is
// refreshed first so a batch just written is visible.
func (s *Store) MatchBatch(ctx context.Context, qs []index.Query) ([][]string, error) {
	if len(qs) == 0 {
		return nil, nil
	}
	if err := s.Refresh(ctx); err != nil {
		return nil, err
	}
	type group struct{ first, end int }
	var groups []group
	for i := 0; i < len(qs); {
		if len(qs[i].IDs) == 0 {
			return nil, fmt.Errorf("match query %d: no IDs", i)
		}
		j := i + 1
		for j < len(qs) && j-i < matchChunk && slices.Equal(qs[j].IDs, qs[i].IDs) {
			j++
		}
		groups = append(groups, group{i, j})
		i = j
	}
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	for _, g := range groups {
		var named []any
		for i := g.first; i < g.end; i++ {
			q := qs[i]
			if err := q.Check(); err != nil {
				return nil, fmt.Errorf("match query %d: %w", i, err)
			}
			tq, err := index.ParseText(q.Text, s.opt.analyze)
			if err != nil {
				return nil, fmt.Errorf("match query %d: %w", i, err)
			}
			q.IDs = nil // the body filters by them once
			clause, err := s.buildQuery(q, tq)
			if err != nil {
				return nil, fmt.Errorf("match query %d: %w", i, err)
			}
			named = append(named, map[string]any{"bool": map[string]any{"filter": []any{clause}, "_name": strconv.Itoa(i)}})
		}
		ids := qs[g.first].IDs
		if err := enc.Encode(map[string]any{}); err != nil {
			return nil, err
		}
		// IDs from doc values, in index order: no _source to load and
		// nothing to sort.
		if err := enc.Encode(map[string]any{
			"query": map[string]any{"bool": map[string]any{
				"filter": []any{map[string]any{"terms": map[string]any{"id": ids}}},
				"should": named, "minimum_should_match": 1,
			}},
			"size": len(ids), "_source": false, "docvalue_fields": []string{"id"},
			"sort": []string{"_doc"}, "track_total_hits": false,
		}); err != nil {
			return nil, err
		}
	}
	var res struct {
		Responses []struct {
			Error json.RawMessage `json:"error"`
			Hits  struct {
				Hits []struct {
					Fields struct {
						ID []string `json:"id"`
					} `json:"fields"`
					Matched []string `json:"matched_queries"`
				} `json:"hits"`
			} `json:"hits"`
		} `json:"responses"`
	}
	if _, err := s.do(ctx, http.MethodPost, "/"+s.readAlias+"/_msearch", &body, &res); err != nil {
		return nil, fmt.Errorf("match %d queries: %w", len(qs), err)
	}
	if len(res.Responses) != len(groups) {
		return nil, fmt.Errorf("match %d queries: %d answers to %d searches", len(qs), len(res.Responses), len(groups))
	}
	out := make([][]string, len(qs))
	for gi, r := range res.Responses {
		if len(r.Error) > 0 && string(r.Error) != "null" {
			return nil, fmt.Errorf("match queries %d-%d: %s", groups[gi].first, groups[gi].end-1, r.Error)
		}
		for _, h := range r.Hits.Hits {
			for _, name := range h.Matched {
				i, err := strconv.Atoi(name)
				if err != nil || i < groups[gi].first || i >= groups[gi].end {
					return nil, fmt.Errorf("match: unexpected matched query %q", name)
				}
				out[i] = append(out[i], h.Fields.ID...)
			}
		}
	}
	return out, nil
}
