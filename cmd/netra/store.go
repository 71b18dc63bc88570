package main

import (
	"context"

	"github.com/netra-id/netra/index"
)

// openStore opens the configured store: Elasticsearch when --es is set,
// otherwise the embedded bleve store in --data. analyzer is the classifier's
// text analyser (nil for the default).
func openStore(ctx context.Context, g *globals, analyzer index.Analyzer) (index.Store, error) {
	if len(g.esURLs) > 0 {
		return openElasticStore(ctx, g, analyzer)
	}
	return openBleveStore(ctx, g, analyzer)
}
