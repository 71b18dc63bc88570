//go:build unix

package main

import (
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestCrawlSurvivesKillElastic is TestCrawlSurvivesKill with the records in
// the real Elasticsearch: SIGKILL part-way through a 320-page site, then
// one more run; no URL counts as done without its record in the cluster,
// and every page is stored exactly once.
func TestCrawlSurvivesKillElastic(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	es := esTestURL(t)
	prefix := fmt.Sprintf("killtest%d", time.Now().UnixNano())
	s := newTestSite(t, 320, 150)
	sources := s.writeSources(t, "")
	g := &globals{dataDir: filepath.Join(t.TempDir(), "data"), esURLs: []string{es}, esIndexPrefix: prefix}
	args := func() []string {
		return append([]string{"--es", es, "--es-index-prefix", prefix}, crawlArgs(g.dataDir, sources, s)...)
	}

	first := netraChild(args()...)
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	waitServed(t, s, 150, first)
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = first.Wait()
	done := checkDoneStored(t, g, s)
	t.Logf("killed after %d pages were served; %d done in the crawl state", s.served.Load(), done)
	if done >= s.n {
		t.Fatalf("all %d pages done before the kill", done)
	}

	s.open()
	if out, err := netraChild(args()...).CombinedOutput(); err != nil {
		t.Fatalf("second run: %v\n%s", err, out)
	}
	checkAllStored(t, g, s)
	checkDoneStored(t, g, s)
}

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
