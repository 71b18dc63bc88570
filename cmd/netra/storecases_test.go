//go:build unix

package main

import (
	"fmt"
	"testing"
	"time"
)

// storeCase is one store a durability test runs against: the embedded
// store, and the real Elasticsearch (which skips without NETRA_ES_URL,
// except under CI=true).
type storeCase struct {
	name  string
	setup func(t *testing.T, g *globals) []string // the global flags for it
}

var storeCases = []storeCase{
	{"embedded", func(t *testing.T, g *globals) []string { return nil }},
	{"elastic", func(t *testing.T, g *globals) []string {
		es := esTestURL(t)
		g.esURLs = []string{es}
		g.esIndexPrefix = fmt.Sprintf("drain%d", time.Now().UnixNano())
		return []string{"--es", es, "--es-index-prefix", g.esIndexPrefix}
	}},
}
