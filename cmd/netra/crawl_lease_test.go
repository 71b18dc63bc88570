package main

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra/index/elastic"
	"github.com/netra-id/netra/lease"
)

// TestCrawlSkipsLeasedSource: `netra crawl --es` leaves alone a source
// whose lease another live worker holds (the site sees no request), crawls
// it once the lease is released, and gives the lease back when done.
func TestCrawlSkipsLeasedSource(t *testing.T) {
	esURL := esTestURL(t)
	prefix := esPrefix(t, esURL, "crawllease")
	es := []string{"--es", esURL, "--es-index-prefix", prefix}
	site := newTestSite(t, 10, 0)
	sources := site.writeSources(t, "")
	ctx := context.Background()
	s, err := elastic.Open(ctx, elastic.Config{URLs: []string{esURL}, IndexPrefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := lease.NewManager(s.Leases(), time.Hour, "")
	if err != nil {
		t.Fatal(err)
	}
	l, err := other.Acquire(ctx, "source:situs")
	if err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(t.TempDir(), "worker")
	_, stderr, err := runNetra(t, "", append(slices.Clone(es), crawlArgs(data, sources, site, "--wait-held", "0")...)...)
	if err != nil {
		t.Fatalf("crawl: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "situs: skipped") || !strings.Contains(stderr, other.Holder()) {
		t.Errorf("crawl of a leased source said %q, want it skipped naming the holder", stderr)
	}
	if n := site.served.Load(); n != 0 {
		t.Errorf("the site served %d article pages for a source another worker holds", n)
	}
	// --once waits for a held source (here in vain: the holder lives).
	_, stderr, err = runNetra(t, "", append(slices.Clone(es), crawlArgs(data, sources, site, "--wait-held", "500ms")...)...)
	if err != nil {
		t.Fatalf("crawl: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "situs: still held by another worker after --wait-held 500ms") {
		t.Errorf("crawl waiting for a held source said %q", stderr)
	}
	if n := site.served.Load(); n != 0 {
		t.Errorf("the site served %d article pages while another worker held the source", n)
	}
	if err := l.Release(ctx); err != nil {
		t.Fatal(err)
	}
	_, stderr, err = runNetra(t, "", append(slices.Clone(es), crawlArgs(data, sources, site)...)...)
	if err != nil {
		t.Fatalf("crawl: %v\n%s", err, stderr)
	}
	if n := site.served.Load(); n != int64(site.n) {
		t.Errorf("after the release the site served %d of %d pages", n, site.n)
	}
	if strings.Contains(stderr, "skipped") {
		t.Errorf("second crawl: %q", stderr)
	}
	// The worker gave the lease back: it is free at once.
	if _, err := other.Acquire(ctx, "source:situs"); err != nil {
		t.Errorf("after the crawl the lease is not free: %v", err)
	}
}
