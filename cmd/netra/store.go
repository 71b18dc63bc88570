package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/classifier"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/elastic"
)

// openStore opens the configured store: Elasticsearch when --es is set,
// otherwise the embedded bleve store in --data. analyzer is the classifier's
// text analyser (nil for the default, see storeAnalyzer).
func openStore(ctx context.Context, g *globals, analyzer index.Analyzer) (index.Store, error) {
	if len(g.esURLs) > 0 {
		return openElasticStore(ctx, g, analyzer)
	}
	return openBleveStore(ctx, g, analyzer)
}

// openStoreForWriting is openStore for the commands that store what they
// read (score --index, crawl, serve): with Elasticsearch unreachable, at the
// start or later, they go on and keep records in the spool in --data until
// the cluster answers again.
func openStoreForWriting(ctx context.Context, g *globals, analyzer index.Analyzer) (index.Store, error) {
	if len(g.esURLs) > 0 {
		s, err := openElastic(ctx, g, analyzer, elastic.AllowOffline(), elastic.WithReplayed(g.replayed.deliver))
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	return openBleveStore(ctx, g, analyzer)
}

// replayAfter delivers what an outage left in the spool once a storing
// command is done, when the cluster answers again; it tells w how many.
func replayAfter(ctx context.Context, store index.Store, w io.Writer) {
	sp, ok := store.(index.Spooler)
	if !ok {
		return
	}
	n, err := sp.ReplayIfUp(ctx)
	if n > 0 {
		fmt.Fprintf(w, "netra: delivered %d spooled records to elasticsearch\n", n)
	}
	if err != nil {
		fmt.Fprintf(w, "netra: spooled records wait for the next run: %v\n", err)
	}
}

// parseSize reads a byte count: a plain number or one with a unit (KB, MB,
// GB, TB: powers of 1000; KiB, MiB, GiB, TiB: powers of 1024). 0 means no
// limit.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := strings.IndexFunc(t, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	num, unit := t, ""
	if i >= 0 {
		num, unit = t[:i], strings.TrimSpace(t[i:])
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("size %q: want a number of bytes, e.g. 500MB or 2GB", s)
	}
	mult := map[string]float64{"": 1, "B": 1, "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12,
		"KIB": 1 << 10, "MIB": 1 << 20, "GIB": 1 << 30, "TIB": 1 << 40}[strings.ToUpper(unit)]
	if mult == 0 {
		return 0, fmt.Errorf("size %q: unknown unit %q (want KB, MB, GB, TB or KiB, MiB, GiB, TiB)", s, unit)
	}
	return int64(v * mult), nil
}

// storeAnalyzer returns analyzer, or the classifier's (built-in pack, or
// --rules) when it is nil: text must be analysed the same way at index and
// at search time, so the default is not a plain word split. With the
// built-in pack that is classifier.DefaultAnalyzer, which analyses like the
// classifier without compiling its rules: a search or export starts in less
// memory. A --rules pack is loaded whole, so its problems are reported.
func storeAnalyzer(g *globals, analyzer index.Analyzer) (index.Analyzer, error) {
	if analyzer != nil {
		return analyzer, nil
	}
	if g.rulesDir == "" {
		a, err := classifier.DefaultAnalyzer()
		if err != nil {
			return nil, fmt.Errorf("load built-in rules: %w", err)
		}
		return a.Analyze, nil
	}
	c, err := classifierFor(g)
	if err != nil {
		return nil, err
	}
	return c.Analyze, nil
}

// replayRelay passes records the spool delivered on to the alerts. The
// store replays its spool when it opens, before the alerts exist: those
// records wait here until startAlerts sets the hook.
type replayRelay struct {
	mu      sync.Mutex
	hook    func(context.Context, []netra.Record)
	pending []netra.Record
}

// deliver is the store's WithReplayed callback.
func (r *replayRelay) deliver(ctx context.Context, recs []netra.Record) {
	r.mu.Lock()
	hook := r.hook
	if hook == nil {
		r.pending = append(r.pending, recs...)
	}
	r.mu.Unlock()
	if hook != nil {
		hook(ctx, recs)
	}
}

// set installs hook and hands it what was replayed before.
func (r *replayRelay) set(ctx context.Context, hook func(context.Context, []netra.Record)) {
	r.mu.Lock()
	pending := r.pending
	r.hook, r.pending = hook, nil
	r.mu.Unlock()
	if len(pending) > 0 && hook != nil {
		hook(ctx, pending)
	}
}
