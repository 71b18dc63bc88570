package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/classifier"
	"github.com/netra-id/netra/crawler"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/pipeline"
	"github.com/robfig/cron/v3"
	"github.com/spf13/cobra"
)

type crawlFlags struct {
	sources   string
	once      bool
	only      []string
	contact   string
	userAgent string
	workers   int
	polite    bool
	allow     []string
	verbose   bool
	shutdown  time.Duration
	hostPar   int
	delay     time.Duration
	retries   int
	leaseTTL  time.Duration // with --es: how long a source's lease lasts unless renewed
	waitHeld  time.Duration // with --es --once: how long to wait for sources other workers hold
	cpuProf   string        // hidden: write a CPU profile of the run (for bench/crawl)
}

func newCrawlCmd(g *globals) *cobra.Command {
	f := &crawlFlags{}
	cmd := &cobra.Command{
		Use:   "crawl --sources FILE [--once] [--source NAME]",
		Short: "Crawl sources, classify and index new items",
		Long: `Crawl the sources listed in a YAML sources file, classify every new item and
store it. With --once each source is crawled once; otherwise each source is
crawled now and then again on its cron schedule until interrupted.

A URL counts as done only once its record is stored (or kept in the
Elasticsearch outage spool). Ctrl-C or SIGTERM stops fetching and stores
what was already fetched, for up to --shutdown-timeout; a second Ctrl-C
stops at once. Either way the next run fetches what was not stored.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			tuneCrawlGC()
			if f.cpuProf != "" {
				stop, err := startCPUProfile(f.cpuProf)
				if err != nil {
					return err
				}
				defer stop()
			}
			return runCrawl(cmd.Context(), g, f, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.sources, "sources", os.Getenv("NETRA_SOURCES"), "YAML sources file ($NETRA_SOURCES)")
	fl.BoolVar(&f.once, "once", false, "crawl each source once and exit")
	fl.StringSliceVar(&f.only, "source", nil, "crawl only the named source(s)")
	fl.StringVar(&f.contact, "contact", os.Getenv("NETRA_CRAWL_CONTACT"), "contact URL for the User-Agent (overrides the sources file)")
	fl.StringVar(&f.userAgent, "user-agent", "", "User-Agent product/version (default NetraBot/1.0)")
	fl.IntVar(&f.workers, "workers", 0, "concurrent article fetches per source")
	fl.BoolVar(&f.polite, "polite", true, "per-host delays and adaptive throttling; robots.txt is obeyed either way (turn off only against your own servers)")
	fl.IntVar(&f.hostPar, "host-parallelism", 0, "requests in flight per host (default 2; a source's host_parallelism wins)")
	fl.DurationVar(&f.delay, "delay", time.Second, "minimum delay between requests to one host; 0 only with --polite=false (a source's delay wins)")
	fl.IntVar(&f.retries, "retries", 2, "retries of a transient failure (a source's retries wins)")
	fl.StringSliceVar(&f.allow, "allow-addr", nil, "ip:port reachable although private (e.g. a local test site)")
	fl.BoolVar(&f.verbose, "verbose", false, "log every fetch failure")
	fl.DurationVar(&f.shutdown, "shutdown-timeout", DefaultShutdownTimeout, "after Ctrl-C or SIGTERM, how long to keep storing what was fetched")
	fl.DurationVar(&f.leaseTTL, "lease-ttl", 2*time.Minute, "with --es: a source is crawled by one worker at a time; its lease lasts this long unless renewed (0: no leases)")
	fl.StringVar(&f.cpuProf, "cpuprofile", "", "write a CPU profile of the run to this file (for bench/crawl)")
	_ = fl.MarkHidden("cpuprofile")
	fl.DurationVar(&f.waitHeld, "wait-held", 30*time.Minute, "with --es --once: wait this long for sources another worker holds, until it finished them or its lease expired and this worker takes over (0: skip them)")
	return cmd
}

func runCrawl(ctx context.Context, g *globals, f *crawlFlags, stdout, stderr io.Writer) error {
	if f.sources == "" {
		return netra.WithHint(errors.New("crawl: no sources file"), "pass --sources FILE (see docs: sources file format)")
	}
	if f.delay < 0 || (f.delay == 0 && f.polite) {
		return netra.WithHint(fmt.Errorf("crawl: --delay %v", f.delay), "a delay of 0 needs --polite=false (only against your own servers)")
	}
	if f.retries < 0 || f.retries > 10 {
		return fmt.Errorf("crawl: --retries %d: must be between 0 and 10", f.retries)
	}
	srcs, err := crawler.LoadSources(f.sources)
	if err != nil {
		return err
	}
	if len(f.only) > 0 {
		want := map[string]bool{}
		for _, n := range f.only {
			want[n] = true
		}
		var keep []crawler.Source
		for _, s := range srcs {
			if want[s.Name] {
				keep = append(keep, s)
				delete(want, s.Name)
			}
		}
		if len(want) > 0 {
			var missing []string
			for n := range want {
				missing = append(missing, n)
			}
			sort.Strings(missing)
			return fmt.Errorf("crawl: no source named %s in %s", strings.Join(missing, ", "), f.sources)
		}
		srcs = keep
	}
	// Flags beat the file, which copies its top-level values into every source.
	for i := range srcs {
		if f.contact != "" {
			srcs[i].Contact = f.contact
		}
		if f.userAgent != "" {
			srcs[i].UserAgent = f.userAgent
		}
	}
	cls, err := classifierFor(g)
	if err != nil {
		return err
	}
	store, err := openStoreForWriting(ctx, g, cls.Analyze)
	if err != nil {
		return err
	}
	defer store.Close()
	al, err := startAlerts(ctx, g, store, cliLogger(stderr), 0)
	if err != nil {
		return err
	}
	defer al.close(alertFlushWait)

	// Fetching stops with ctx; storing what was fetched goes on in drain.
	drain, cancelDrain := drainContext(ctx, f.shutdown)
	defer cancelDrain()

	opts := []crawler.Option{crawler.WithStateDir(filepath.Join(g.dataDir, "crawl")), crawler.WithPoliteness(f.polite), crawler.WithAcks()}
	if f.contact != "" {
		opts = append(opts, crawler.WithContact(f.contact))
	}
	if f.userAgent != "" {
		opts = append(opts, crawler.WithUserAgent(f.userAgent))
	}
	if f.workers > 0 {
		opts = append(opts, crawler.WithWorkers(f.workers))
	}
	opts = append(opts, crawler.WithHostLimits(f.hostPar, f.delay), crawler.WithRetries(f.retries, 500*time.Millisecond))
	if len(f.allow) > 0 {
		opts = append(opts, crawler.WithAllowedAddrs(f.allow...))
	}
	if f.verbose {
		opts = append(opts, crawler.WithLogger(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	}
	// With --es the crawl state is shared through the cluster too, so a
	// worker that takes over a source resumes it (crawl_lease.go).
	var runs runLog
	if cs := sharedCrawlState(drain, store); cs != nil {
		opts = append(opts, crawler.WithSharedState(cs, sharedStateErrors(stderr)))
		runs = cs
	}
	c := crawler.New(opts...)
	defer c.Close()
	leases, err := crawlLeases(store, f.leaseTTL, g.dataDir)
	if err != nil {
		return err
	}
	started := time.Now()

	crawlOne := func(src crawler.Source, since time.Time, quiet bool) (leaseOutcome, error) {
		return underLeaseQuiet(ctx, drain, leases, runs, since, src.Name, stderr, quiet, func(ctx context.Context) error {
			rs, ps, err := crawlSource(ctx, drain, c, src, cls, store, al.hook(), func(it netra.Item, err error) {
				fmt.Fprintf(stderr, "netra: crawl %s: %s: %v; not stored\n", src.Name, it.URL, err)
			})
			printCrawlSummary(stdout, src, rs, ps)
			if err != nil && ctx.Err() == nil {
				return fmt.Errorf("crawl %s: %w", src.Name, err)
			}
			return nil
		})
	}
	var errs []error
	var held []crawler.Source
	for _, s := range srcs {
		if ctx.Err() != nil {
			break
		}
		out, err := crawlOne(s, started, false)
		if err != nil {
			errs = append(errs, err)
		}
		if out == leaseHeld {
			held = append(held, s)
		}
	}
	// --once crawls every source once, here or elsewhere: a source another
	// worker held is waited for until that worker finished a run of it,
	// or its lease expired (the worker died) and this one takes it over,
	// resuming from the shared state.
	giveUp := time.Now().Add(f.waitHeld)
	for f.once && len(held) > 0 && ctx.Err() == nil {
		if !time.Now().Before(giveUp) {
			for _, s := range held {
				fmt.Fprintf(stderr, "netra crawl: %s: still held by another worker after --wait-held %v; not crawled here\n", s.Name, f.waitHeld)
			}
			break
		}
		select {
		case <-ctx.Done():
		case <-time.After(waitPoll(f.leaseTTL)):
		}
		var still []crawler.Source
		for _, s := range held {
			if ctx.Err() != nil {
				break
			}
			out, err := crawlOne(s, started, true)
			if err != nil {
				errs = append(errs, err)
			}
			if out == leaseHeld {
				still = append(still, s)
			}
		}
		held = still
	}
	if f.once || ctx.Err() != nil {
		if ctx.Err() == nil {
			replayAfter(drain, store, stderr)
		}
		return errors.Join(errs...)
	}
	// Records spooled during an outage reach the cluster as soon as it
	// answers again, while the schedule goes on.
	if sp, ok := store.(index.Spooler); ok {
		go sp.ReplayLoop(ctx, func(n int, err error) {
			if err != nil {
				fmt.Fprintln(stderr, "netra crawl: replay spool:", err)
				return
			}
			fmt.Fprintf(stderr, "netra crawl: delivered %d spooled records to elasticsearch\n", n)
		})
	}
	for _, err := range errs {
		fmt.Fprintln(stderr, "netra crawl:", err)
	}
	// Scheduled mode: each source again on its own cron schedule, read in
	// the sources file's timezone (UTC by default), with the same default
	// schedule as `netra serve`; manual sources ran once above.
	sched := cron.New(cron.WithChain(cron.SkipIfStillRunning(cron.DiscardLogger)), cron.WithLocation(time.UTC))
	scheduled := 0
	for _, s := range srcs {
		tick, err := s.Tick()
		if err != nil {
			return fmt.Errorf("%s:%d: schedule: %w", s.File, s.Line, err)
		}
		if tick == nil {
			continue
		}
		scheduled++
		sched.Schedule(tick, cron.FuncJob(func() {
			if due, _, err := c.Due(s); err == nil && !due {
				return // adaptive: not due yet
			}
			// A run another worker finished for this tick counts: ticks of
			// one schedule fire at the same time on every worker, give or
			// take a delay well under half the gap.
			now := time.Now()
			since := now.Add(-tick.Next(now).Sub(now) / 2)
			if _, err := crawlOne(s, since, false); err != nil {
				fmt.Fprintln(stderr, "netra crawl:", err)
			}
		}))
	}
	if scheduled == 0 {
		fmt.Fprintln(stderr, "netra crawl: every source is manual; done")
		return nil
	}
	fmt.Fprintf(stderr, "netra crawl: %d sources scheduled (times in %s); Ctrl-C to stop\n", scheduled, srcs[0].Clock())
	sched.Start()
	<-ctx.Done()
	<-sched.Stop().Done()
	return nil
}

// crawlSource runs the crawler into the one pipeline stage and the store.
// Fetching stops when stop ends; what was fetched by then is still
// classified and stored, until drain ends. The crawler (made WithAcks)
// marks a URL done only when the pipeline acknowledges its record.
//
// stored, when not nil, is the alert hook (pipeline.Options.Stored).
// failed is told of each page the classifier failed on (a bug): the page
// is not stored and the crawl goes on.
func crawlSource(stop, drain context.Context, c *crawler.Crawler, src crawler.Source, cls *classifier.Classifier, store index.Store, stored func(context.Context, []netra.Record), failed func(netra.Item, error)) (crawler.RunStats, pipeline.Stats, error) {
	var rs crawler.RunStats
	enrich, err := itemEnricher(stop, store)
	if err != nil {
		return rs, pipeline.Stats{}, err
	}
	ps, err := pipeline.RunFrom(drain, cls, pipeline.Until(stop, func(ctx context.Context, send func(netra.Item) error) error {
		var err error
		rs, err = c.Run(ctx, src, send)
		return err
	}), pipeline.Options{Sink: store, Ack: c.Ack, Enrich: enrich, Stored: stored, Failed: func(it netra.Item, err error) error {
		failed(it, err)
		return nil
	}}, nil)
	return rs, ps, err
}

func printCrawlSummary(w io.Writer, src crawler.Source, rs crawler.RunStats, ps pipeline.Stats) {
	fmt.Fprintf(w, "%-24s fetched %d, new %d, flagged %d, stored %d, seen before %d, robots %d, filtered %d, errors %d",
		src.Name, rs.Fetched, rs.New, ps.Flagged, ps.Stored, rs.Seen, rs.Robots, rs.Filtered, rs.ErrorCount())
	if ps.Spooled > 0 {
		fmt.Fprintf(w, ", spooled %d (elasticsearch unreachable; delivered later)", ps.Spooled)
	}
	if n := int64(rs.New) - ps.Acked; n > 0 {
		fmt.Fprintf(w, ", not stored %d (the next run fetches them again)", n)
	}
	if ps.Failed > 0 {
		fmt.Fprintf(w, ", not classified %d (a classifier error, named above; not stored)", ps.Failed)
	}
	if len(rs.Errors) > 0 {
		var parts []string
		for _, r := range rs.ErrorReasons() {
			parts = append(parts, fmt.Sprintf("%s=%d", r, rs.Errors[r]))
		}
		fmt.Fprintf(w, " (%s)", strings.Join(parts, " "))
	}
	if rs.Resumed > 0 {
		fmt.Fprintf(w, ", resumed %d", rs.Resumed)
	}
	if rs.Stopped != "" {
		fmt.Fprintf(w, ", stopped: %s", rs.Stopped)
	}
	fmt.Fprintf(w, " in %s\n", rs.Duration.Round(time.Millisecond))
}
