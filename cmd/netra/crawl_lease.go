package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/elastic"
	"github.com/netra-id/netra/lease"
)

// crawlLeases gives `netra crawl --es` a lease manager, so several workers
// over one cluster crawl each source one at a time; nil (no leases) on the
// embedded store, which one process holds anyway.
func crawlLeases(store index.Store, ttl time.Duration) (*lease.Manager, error) {
	es, ok := store.(*elastic.Store)
	if !ok || ttl <= 0 {
		return nil, nil
	}
	return lease.NewManager(es.Leases(), ttl)
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
