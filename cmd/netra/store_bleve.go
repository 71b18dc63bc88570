package main

import (
	"context"
	"fmt"
	"os"
	"time"

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
	s, err := bleve.Open(g.dataDir, bleve.WithAnalyzer(analyzer), bleve.WithSiblings(dataDirSiblings()...),
		bleve.WithRebuildProgress(rebuildProgress(g)))
	if err != nil {
		return nil, fmt.Errorf("embedded store: %w", err)
	}
	return s, nil
}

// rebuildShown is the smallest store whose rebuild is worth reporting.
const rebuildShown = 5000

// rebuildProgress reports on stderr how far a rebuild of the search index
// has got (an upgrade or a new analyser re-indexes every record, about a
// minute per 100,000), at most every two seconds and once at the end.
func rebuildProgress(g *globals) func(done, total int) {
	var last time.Time
	return func(done, total int) {
		now := time.Now()
		if total < rebuildShown || done < total && now.Sub(last) < 2*time.Second {
			return
		}
		last = now
		fmt.Fprintf(os.Stderr, "netra: rebuilding the search index of %s: %d of %d records\n", g.dataDir, done, total)
	}
}

// dataDirSiblings are the entries other commands keep in the data directory
// beside the embedded store: accounts (users), crawl state (crawl) and the
// Elasticsearch spool (index/elastic). A directory holding only these is
// still a Netra data directory, not a foreign one.
func dataDirSiblings() []string {
	return []string{"users.json", ".users-*.json", "crawl", "elastic-spool-*", "alerts.db"}
}
