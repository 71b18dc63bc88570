package bleve

import (
	"context"
	"fmt"

	blevesearch "github.com/blevesearch/bleve/v2"

	"github.com/netra-id/netra/index"
)

// MatchBatch runs many queries, each restricted to a batch's IDs
// (Query.IDs), over one consistent view of the search index (the store's
// read lock is taken once), and returns the IDs each matches. Only IDs are
// read: no records are loaded and nothing is scored, so a thousand saved
// searches over a stored batch cost a thousand small ID-filtered lookups.
// The alert package uses it to match stored batches against saved
// searches.
func (s *Store) MatchBatch(ctx context.Context, qs []index.Query) ([][]string, error) {
	s.cmu.RLock()
	defer s.cmu.RUnlock()
	if err := s.checkOpen(ctx); err != nil {
		return nil, err
	}
	out := make([][]string, len(qs))
	for i, q := range qs {
		if len(q.IDs) == 0 {
			return nil, fmt.Errorf("match query %d: no IDs", i)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		bq, _, err := s.buildQuery(q)
		if err != nil {
			return nil, fmt.Errorf("match query %d: %w", i, err)
		}
		req := blevesearch.NewSearchRequestOptions(bq, len(q.IDs), 0, false)
		req.SortBy([]string{"_id"})
		req.Score = "none"
		res, err := s.idx.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("match query %d: %w", i, err)
		}
		for _, h := range res.Hits {
			out[i] = append(out[i], h.ID)
		}
	}
	return out, nil
}
