package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/netra-id/netra/index"
)

// msearchChunk bounds the searches of one _msearch request.
const msearchChunk = 250

// MatchBatch runs many queries, each restricted to a batch's IDs
// (Query.IDs), with one _msearch request per 250 queries, and returns the
// IDs each matches. It refreshes the items index first so a batch just
// written is visible. The alert package uses it to match stored batches
// against saved searches (the percolator is not available everywhere).
func (s *Store) MatchBatch(ctx context.Context, qs []index.Query) ([][]string, error) {
	if len(qs) == 0 {
		return nil, nil
	}
	if err := s.Refresh(ctx); err != nil {
		return nil, err
	}
	out := make([][]string, len(qs))
	for start := 0; start < len(qs); start += msearchChunk {
		end := min(start+msearchChunk, len(qs))
		var body bytes.Buffer
		enc := json.NewEncoder(&body)
		for i := start; i < end; i++ {
			q := qs[i]
			if len(q.IDs) == 0 {
				return nil, fmt.Errorf("match query %d: no IDs", i)
			}
			if err := q.Check(); err != nil {
				return nil, fmt.Errorf("match query %d: %w", i, err)
			}
			tq, err := index.ParseText(q.Text, s.opt.analyze)
			if err != nil {
				return nil, fmt.Errorf("match query %d: %w", i, err)
			}
			query, err := s.buildQuery(q, tq)
			if err != nil {
				return nil, fmt.Errorf("match query %d: %w", i, err)
			}
			if err := enc.Encode(map[string]any{}); err != nil {
				return nil, err
			}
			if err := enc.Encode(map[string]any{
				"query": query, "size": len(q.IDs), "_source": []string{"id"},
				"sort": []any{map[string]any{"id": "asc"}}, "track_total_hits": false,
			}); err != nil {
				return nil, err
			}
		}
		var res struct {
			Responses []struct {
				Error json.RawMessage `json:"error"`
				Hits  struct {
					Hits []struct {
						Source struct {
							ID string `json:"id"`
						} `json:"_source"`
					} `json:"hits"`
				} `json:"hits"`
			} `json:"responses"`
		}
		if _, err := s.do(ctx, http.MethodPost, "/"+s.itemsAlias+"/_msearch", &body, &res); err != nil {
			return nil, fmt.Errorf("match %d queries: %w", end-start, err)
		}
		if len(res.Responses) != end-start {
			return nil, fmt.Errorf("match %d queries: %d answers", end-start, len(res.Responses))
		}
		for j, r := range res.Responses {
			if len(r.Error) > 0 && string(r.Error) != "null" {
				return nil, fmt.Errorf("match query %d: %s", start+j, r.Error)
			}
			for _, h := range r.Hits.Hits {
				out[start+j] = append(out[start+j], h.Source.ID)
			}
		}
	}
	return out, nil
}
