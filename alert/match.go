package alert

import (
	"context"
	"fmt"

	"github.com/netra-id/netra/index"
)

// BatchMatcher is a store that can run many queries, each already
// restricted to a batch's IDs (Query.IDs), in one request or one pass, and
// return the IDs each matches. index/bleve and index/elastic implement
// it; any other store is asked one Search per query.
type BatchMatcher interface {
	MatchBatch(ctx context.Context, qs []index.Query) ([][]string, error)
}

// Searcher is the part of index.Store matching needs.
type Searcher interface {
	Search(ctx context.Context, q index.Query) (index.Result, error)
}

// MatchBatch runs qs on store: with its BatchMatcher when it has one,
// otherwise one Search per query. Each query must carry the batch's IDs.
func MatchBatch(ctx context.Context, store Searcher, qs []index.Query) ([][]string, error) {
	if bm, ok := store.(BatchMatcher); ok {
		return bm.MatchBatch(ctx, qs)
	}
	out := make([][]string, len(qs))
	for i, q := range qs {
		if len(q.IDs) == 0 {
			return nil, fmt.Errorf("match query %d: no IDs", i)
		}
		res, err := store.Search(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("match query %d: %w", i, err)
		}
		for _, m := range res.Matches {
			out[i] = append(out[i], m.Record.Item.ID)
		}
	}
	return out, nil
}
