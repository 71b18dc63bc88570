package main

import (
	"context"

	"github.com/netra-id/netra/index"
)

// openStore opens the configured store: Elasticsearch when --es is set,
// otherwise the embedded bleve store in --data. analyzer is the classifier's
// text analyser (nil for the default, see storeAnalyzer).
func openStore(ctx context.Context, g *globals, analyzer index.Analyzer) (index.Store, error) {
	if len(g.esURLs) > 0 {
		return openElasticStore(ctx, g, analyzer)
	}
	return openBleveStore(ctx, g, analyzer)
}

// storeAnalyzer returns analyzer, or the classifier's (built-in pack, or
// --rules) when it is nil: text must be analysed the same way at index and
// at search time, so the default is not a plain word split.
func storeAnalyzer(g *globals, analyzer index.Analyzer) (index.Analyzer, error) {
	if analyzer != nil {
		return analyzer, nil
	}
	c, err := classifierFor(g)
	if err != nil {
		return nil, err
	}
	return c.Analyze, nil
}
