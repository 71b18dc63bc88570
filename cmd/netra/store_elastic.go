package main

import (
	"context"
	"errors"

	"github.com/netra-id/netra/index"
)

// openElasticStore opens the Elasticsearch store at g.esURLs.
func openElasticStore(ctx context.Context, g *globals, analyzer index.Analyzer) (index.Store, error) {
	return nil, errors.New("elasticsearch store: not implemented yet")
}
