package main

import (
	"context"
	"errors"

	"github.com/netra-id/netra/index"
)

// openBleveStore opens the embedded store in g.dataDir.
func openBleveStore(ctx context.Context, g *globals, analyzer index.Analyzer) (index.Store, error) {
	return nil, errors.New("embedded store: not implemented yet")
}
