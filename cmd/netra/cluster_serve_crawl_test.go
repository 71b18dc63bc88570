//go:build unix

package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra/crawler"
	"github.com/netra-id/netra/review/config"
)

// TestClusterServeAndCrawlShareSources: two `netra serve` replicas (their
// schedulers ticking every 4 seconds) and one scheduled `netra crawl`
// worker over one cluster share the sources of a 160-page site: every
// page is fetched once and stored once, and once everything is crawled,
// each tick of each source is run by one of the three (its sitemap or
// feed is read at most once per tick), not by all of them.
func TestClusterServeAndCrawlShareSources(t *testing.T) {
	if testing.Short() {
		t.Skip("runs serve replicas and a crawl worker")
	}
	esURL := esTestURL(t)
	const gap = 4 * time.Second
	site, sourcesFile := clusterSite(t, 4, 40, "*/4 * * * * *")
	host := strings.TrimPrefix(site.PageURL(0), "http://")
	host, _, _ = strings.Cut(host, "/")
	prefix := esPrefix(t, esURL, "cluster-serve")
	es := []string{"--es", esURL, "--es-index-prefix", prefix}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var dones []chan error
	for i := range 2 {
		g := &globals{dataDir: filepath.Join(t.TempDir(), fmt.Sprintf("r%d", i)), esURLs: []string{esURL}, esIndexPrefix: prefix}
		cfg := config.Defaults()
		cfg.Addr, cfg.LogLevel, cfg.Sources = "127.0.0.1:0", "error", sourcesFile
		cfg.CrawlLeaseTTL.Duration = 10 * time.Second
		ready, done := make(chan string, 1), make(chan error, 1)
		go func() {
			done <- runServe(ctx, g, cfg, false, io.Discard, ready, crawler.WithUserAgent(fmt.Sprintf("NetraBot-r%d/1.0", i)))
		}()
		select {
		case <-ready:
		case err := <-done:
			t.Fatal(err)
		}
		dones = append(dones, done)
	}
	w := startWorker(t, "w0", append(slices.Clone(es), "--data", filepath.Join(t.TempDir(), "w0"), "crawl", "--sources", sourcesFile,
		"--polite=false", "--allow-addr", host, "--user-agent", "NetraBot-w0/1.0", "--lease-ttl", "10s")...)

	deadline := time.Now().Add(time.Minute)
	for len(site.Hits()) < site.Pages() {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d pages fetched in a minute\n%s", len(site.Hits()), site.Pages(), w.out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	// Steady state: three whole ticks after the next one.
	from := time.Now().Truncate(gap).Add(2 * gap)
	until := from.Add(3 * gap)
	time.Sleep(time.Until(until.Add(gap / 2)))
	cancel()
	for _, d := range dones {
		if err := <-d; err != nil {
			t.Errorf("serve: %v", err)
		}
	}

	hits := site.Hits()
	by := map[string]int{}
	for i := range site.Pages() {
		if n := len(hits[i]); n != 1 {
			t.Errorf("page %d fetched %d times, want once", i, n)
		}
		for _, f := range hits[i] {
			by[agentWorker(f.Agent)]++
		}
	}
	t.Logf("pages fetched by: %v", by)
	checkStoredOnce(t, esURL, prefix, site)

	for k, ls := range site.Listings() {
		per := map[int64][]string{}
		for _, l := range ls {
			if !l.At.Before(from) && l.At.Before(until) {
				win := l.At.UnixNano() / int64(gap)
				per[win] = append(per[win], agentWorker(l.Agent))
			}
		}
		if len(per) == 0 {
			t.Errorf("source %d: no run in the three ticks watched", k)
		}
		for win, who := range per {
			if len(who) > 1 {
				t.Errorf("source %d: the tick at %s ran %d times (%v), want once", k, time.Unix(0, win*int64(gap)).UTC().Format("15:04:05"), len(who), who)
			}
		}
		t.Logf("source %d: runs in the watched ticks by %v", k, per)
	}
	if t.Failed() {
		t.Logf("worker:\n%s", w.out.String())
	}
}
