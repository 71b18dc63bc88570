package main

import (
	"context"

	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/elastic"
)

// openElasticStore opens the Elasticsearch store at g.esURLs. Records that
// cannot be stored during an outage are spooled in --data and delivered
// first the next time a command opens the store. As with the embedded
// store, a nil analyzer means the classifier's, so index and search time
// analyse text alike.
func openElasticStore(ctx context.Context, g *globals, analyzer index.Analyzer) (index.Store, error) {
	s, err := openElastic(ctx, g, analyzer)
	if err != nil {
		return nil, err // not a typed nil in a non-nil interface
	}
	return s, nil
}

// openElastic is openElasticStore returning the concrete store, for the
// `netra index` commands that go beyond index.Store.
func openElastic(ctx context.Context, g *globals, analyzer index.Analyzer, opts ...elastic.Option) (*elastic.Store, error) {
	analyzer, err := storeAnalyzer(g, analyzer)
	if err != nil {
		return nil, err
	}
	cfg := elastic.Config{
		URLs:        g.esURLs,
		Username:    g.esUser,
		Password:    g.esPassword,
		APIKey:      g.esAPIKey,
		CACertPath:  g.esCACert,
		IndexPrefix: g.esIndexPrefix,
		SpoolDir:    g.dataDir,

		SpoolMaxBytes: g.spoolMax,
	}
	return elastic.Open(ctx, cfg, append([]elastic.Option{elastic.WithAnalyzer(analyzer)}, opts...)...)
}
