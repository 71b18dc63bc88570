package main

import (
	"context"
	"fmt"

	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/bleve"
)

// openBleveStore opens the embedded store in g.dataDir. A nil analyzer means
// the classifier's (storeAnalyzer).
func openBleveStore(ctx context.Context, g *globals, analyzer index.Analyzer) (index.Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	analyzer, err := storeAnalyzer(g, analyzer)
	if err != nil {
		return nil, err
	}
	s, err := bleve.Open(g.dataDir, bleve.WithAnalyzer(analyzer), bleve.WithSiblings(dataDirSiblings()...))
	if err != nil {
		return nil, fmt.Errorf("embedded store: %w", err)
	}
	return s, nil
}

// dataDirSiblings are the entries other commands keep in the data directory
// beside the embedded store: accounts (users), crawl state (crawl) and the
// Elasticsearch spool (index/elastic). A directory holding only these is
// still a Netra data directory, not a foreign one.
func dataDirSiblings() []string {
	return []string{"users.json", ".users-*.json", "crawl", "elastic-spool-*", "alerts.db"}
}
