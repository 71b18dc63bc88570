package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/netra-id/netra/crawler"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/elastic"
	"github.com/netra-id/netra/lease"
	"github.com/netra-id/netra/review/schedule"
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

// runLog records when a source's last complete run finished, in the
// state all workers share (index/elastic.CrawlState): a worker that finds
// a source held tells from it whether the holder crawled it meanwhile or
// died, and a worker that gets a lease just after another gave it back
// does not crawl the source a second time.
type runLog interface {
	RunFinished(source string) (time.Time, error)
	SetRunFinished(source string, t time.Time) error
}

// leaseOutcome is what underLease did with a source.
type leaseOutcome int

const (
	leaseCrawled leaseOutcome = iota // crawled here (or no leases)
	leaseHeld                        // another worker holds it: not crawled
	leaseFresh                       // another worker finished a run since `since`: not crawled again
)

// underLease runs crawl for source while holding its lease: a source
// another worker holds is skipped (it is crawled there), the lease is
// renewed while crawl runs, and a lease lost meanwhile stops the fetching
// (what was fetched is still stored). A source some worker finished
// crawling at or after since is not crawled again. A run that crawl
// completes (nil error, lease kept, not interrupted) is recorded in runs.
// Without a manager it just runs.
func underLease(ctx, drain context.Context, m *lease.Manager, runs runLog, since time.Time, source string, stderr io.Writer, crawl func(ctx context.Context) error) (leaseOutcome, error) {
	return underLeaseQuiet(ctx, drain, m, runs, since, source, stderr, false, crawl)
}

// underLeaseQuiet is underLease; quiet leaves out the message that the
// source is held (a worker waiting for it says so once).
func underLeaseQuiet(ctx, drain context.Context, m *lease.Manager, runs runLog, since time.Time, source string, stderr io.Writer, quiet bool, crawl func(ctx context.Context) error) (leaseOutcome, error) {
	if m == nil {
		return leaseCrawled, crawl(ctx)
	}
	fresh := func() bool {
		if runs == nil {
			return false
		}
		fin, err := runs.RunFinished(source)
		return err == nil && !fin.IsZero() && !fin.Before(since)
	}
	if fresh() {
		return leaseFresh, nil
	}
	l, err := m.Acquire(ctx, "source:"+source)
	var held *lease.HeldError
	if errors.As(err, &held) {
		if !quiet {
			fmt.Fprintf(stderr, "netra crawl: %s: skipped, %v\n", source, held)
		}
		return leaseHeld, nil
	}
	if err != nil {
		return leaseCrawled, fmt.Errorf("crawl %s: %w", source, err)
	}
	defer func() {
		if rerr := l.Release(drain); rerr != nil {
			// It expires by itself; the next worker waits out the TTL.
			fmt.Fprintf(stderr, "netra crawl: %s: %v\n", source, rerr)
		}
	}()
	// Checked again under the lease: the previous holder may have
	// finished and released it between the first check and Acquire.
	if fresh() {
		return leaseFresh, nil
	}
	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go l.Hold(lctx, func(err error) {
		fmt.Fprintf(stderr, "netra crawl: %s: stopping, %v\n", source, err)
		cancel()
	})
	err = crawl(lctx)
	if err == nil && lctx.Err() == nil && runs != nil {
		if err := runs.SetRunFinished(source, time.Now()); err != nil {
			fmt.Fprintf(stderr, "netra crawl: %s: record the finished run: %v\n", source, err)
		}
	}
	cancel()
	return leaseCrawled, err
}

// waitPoll is how often `netra crawl --once` looks again at sources other
// workers hold: a fraction of the TTL, so a dead worker's source is taken
// over soon after its lease expires.
func waitPoll(ttl time.Duration) time.Duration {
	return min(max(ttl/5, 100*time.Millisecond), 5*time.Second)
}

// sharedCrawlState is the cluster's crawl state when the store is
// Elasticsearch, else nil (the embedded store keeps its local state
// only). ctx bounds its requests: the drain context, since storing
// acknowledgements goes on after an interrupt.
func sharedCrawlState(ctx context.Context, store index.Store) *elastic.CrawlState {
	es, ok := store.(*elastic.Store)
	if !ok {
		return nil
	}
	return es.CrawlState(ctx)
}

// sharedStateErrors reports failed writes to the shared crawl state (an
// outage): the first few, then only that there were more. They cost at
// most a page fetched again by another worker.
func sharedStateErrors(w io.Writer) func(error) {
	var mu sync.Mutex
	n := 0
	return func(err error) {
		mu.Lock()
		defer mu.Unlock()
		n++
		switch {
		case n <= 3:
			fmt.Fprintf(w, "netra crawl: shared crawl state: %v\n", err)
		case n == 4:
			fmt.Fprintln(w, "netra crawl: shared crawl state: more failures, not shown")
		}
	}
}

// leasedJob runs the scheduler's crawl job of `netra serve` under the
// source's lease. A source another process holds, or one another process
// already ran for this tick, is left to it (schedule.ErrElsewhere). A run
// started by hand counts only runs finished after it was asked for.
func leasedJob(job schedule.Job, m *lease.Manager, runs runLog, srcs map[string]crawler.Source, drain context.Context, log *slog.Logger) schedule.Job {
	w := logWriter{log}
	return func(ctx context.Context, name string) (schedule.Result, error) {
		since := time.Now()
		if src, ok := srcs[name]; ok && schedule.Trigger(ctx) == "schedule" {
			if tick, err := src.Tick(); err == nil && tick != nil {
				since = since.Add(-tick.Next(since).Sub(since) / 2)
			}
		}
		var res schedule.Result
		out, err := underLeaseQuiet(ctx, drain, m, runs, since, name, w, true, func(ctx context.Context) error {
			var err error
			res, err = job(ctx, name)
			return err
		})
		switch out {
		case leaseHeld:
			return res, fmt.Errorf("%w: another process holds the lease of %s", schedule.ErrElsewhere, name)
		case leaseFresh:
			return res, fmt.Errorf("%w: another process finished a run of %s since %s", schedule.ErrElsewhere, name, since.UTC().Format(time.RFC3339))
		}
		return res, err
	}
}

// logWriter turns underLease's messages into warnings of serve's log.
type logWriter struct{ log *slog.Logger }

func (w logWriter) Write(p []byte) (int, error) {
	w.log.Warn(strings.TrimSpace(strings.TrimPrefix(string(p), "netra crawl: ")))
	return len(p), nil
}
