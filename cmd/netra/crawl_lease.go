package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/elastic"
	"github.com/netra-id/netra/lease"
)

// crawlLeases gives `netra crawl --es` a lease manager, so several workers
// over one cluster crawl each source one at a time; nil (no leases) on the
// embedded store, which one process holds anyway. The holder is host and
// data directory: only one process at a time opens a data directory's
// crawl state, and a worker restarted there after a crash resumes its
// sources at once instead of waiting out its own leases.
func crawlLeases(store index.Store, ttl time.Duration, dataDir string) (*lease.Manager, error) {
	es, ok := store.(*elastic.Store)
	if !ok || ttl <= 0 {
		return nil, nil
	}
	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return nil, fmt.Errorf("crawl: %w", err)
	}
	host, _ := os.Hostname()
	return lease.NewManager(es.Leases(), ttl, host+":"+abs)
}

// underLease runs crawl for source while holding its lease: a source
// another worker holds is skipped (it is crawled there), the lease is
// renewed while crawl runs, and a lease lost meanwhile stops the fetching
// (what was fetched is still stored). Without a manager it just runs.
func underLease(ctx, drain context.Context, m *lease.Manager, source string, stderr io.Writer, crawl func(ctx context.Context) error) error {
	if m == nil {
		return crawl(ctx)
	}
	l, err := m.Acquire(ctx, "source:"+source)
	var held *lease.HeldError
	if errors.As(err, &held) {
		fmt.Fprintf(stderr, "netra crawl: %s: skipped, %v\n", source, held)
		return nil
	}
	if err != nil {
		return fmt.Errorf("crawl %s: %w", source, err)
	}
	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go l.Hold(lctx, func(err error) {
		fmt.Fprintf(stderr, "netra crawl: %s: stopping, %v\n", source, err)
		cancel()
	})
	err = crawl(lctx)
	cancel()
	if rerr := l.Release(drain); rerr != nil {
		// It expires by itself; the next worker waits out the TTL.
		fmt.Fprintf(stderr, "netra crawl: %s: %v\n", source, rerr)
	}
	return err
}
