package main

import (
	"context"
	"fmt"

	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/bleve"
)

// openBleveStore opens the embedded store in g.dataDir. Text must be
// analysed the same way at index and at search time, so a nil analyzer means
// the classifier's (built-in pack, or --rules), not a plain word split.
func openBleveStore(ctx context.Context, g *globals, analyzer index.Analyzer) (index.Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if analyzer == nil {
		c, err := classifierFor(g)
		if err != nil {
			return nil, err
		}
		analyzer = c.Analyze
	}
	s, err := bleve.Open(g.dataDir, bleve.WithAnalyzer(analyzer))
	if err != nil {
		return nil, fmt.Errorf("embedded store: %w", err)
	}
	return s, nil
}
