//go:build unix

package main

import (
	"fmt"
	"path/filepath"
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

// crawlCase is a 320-page test site (paused after 150 pages), its sources
// file, and a data directory on one store.
type crawlCase struct {
	site    *testSite
	sources string
	g       *globals
	flags   []string // the store's global flags
}

func newCrawlCase(t *testing.T, sc storeCase, schedule string) crawlCase {
	t.Helper()
	s := newTestSite(t, 320, 150)
	c := crawlCase{site: s, sources: s.writeSources(t, schedule), g: &globals{dataDir: filepath.Join(t.TempDir(), "data")}}
	c.flags = sc.setup(t, c.g)
	return c
}

// args is `netra crawl --once` of the site on the case's store.
func (c crawlCase) args() []string {
	return append(append([]string{}, c.flags...), crawlArgs(c.g.dataDir, c.sources, c.site)...)
}
