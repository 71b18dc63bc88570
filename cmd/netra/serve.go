package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/agree"
	"github.com/netra-id/netra/classifier"
	"github.com/netra-id/netra/crawler"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/elastic"
	"github.com/netra-id/netra/pipeline"
	"github.com/netra-id/netra/review"
	"github.com/netra-id/netra/review/config"
	"github.com/netra-id/netra/review/demo"
	"github.com/netra-id/netra/review/metrics"
	"github.com/netra-id/netra/review/schedule"
	"github.com/netra-id/netra/review/users"
	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"
)

// version is shown by the review app; release builds set it with -ldflags.
var version = "dev"

type serveFlags struct {
	config string
	addr   string
	demo   bool
}

func newServeCmd(g *globals) *cobra.Command {
	f := &serveFlags{}
	cmd := &cobra.Command{
		Use:   "serve [--config FILE] [--addr HOST:PORT] [--demo]",
		Short: "Serve the review UI and API and run scheduled crawls",
		Long: `Serve the review web UI, the JSON API under /api/v1/, /healthz and /metrics,
and run the crawls of the sources file on their cron schedules.

Settings come from --config (YAML), then NETRA_* environment variables, then
flags; see README "Review app". --demo imports the bundled sample texts into
a fresh embedded store (a temporary directory unless --data is given),
creates an admin account and prints its one-time password. It needs no
network.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := config.Load(f.config, os.Getenv)
			if err != nil {
				return err
			}
			if f.addr != "" {
				cfg.Addr = f.addr
			}
			addrGiven := f.addr != "" || os.Getenv("NETRA_ADDR") != "" || cfg.Addr != config.Defaults().Addr
			if f.demo && !addrGiven {
				// A first run should not fail because something else
				// holds port 8080: fall back to any free local port.
				if ln, err := net.Listen("tcp", cfg.Addr); err != nil {
					cfg.Addr = "127.0.0.1:0"
				} else {
					ln.Close()
				}
			}
			if f.demo && !cmd.Flags().Changed("data") {
				dir, err := os.MkdirTemp("", "netra-demo-")
				if err != nil {
					return fmt.Errorf("demo: %w", err)
				}
				defer os.RemoveAll(dir) // a throw-away demo; --data keeps one
				g.dataDir = dir
			}
			return runServe(cmd.Context(), g, cfg, f.demo, cmd.OutOrStdout(), nil)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.config, "config", os.Getenv("NETRA_CONFIG"), "YAML config file ($NETRA_CONFIG)")
	fl.StringVar(&f.addr, "addr", "", "listen address HOST:PORT (overrides config and $NETRA_ADDR; default 127.0.0.1:8080)")
	fl.BoolVar(&f.demo, "demo", false, "import the bundled sample texts, create an admin account and serve them (no network)")
	return cmd
}

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: lvl}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// runServe runs the app until ctx ends. ready, when not nil, receives the
// listening address once the server accepts connections (tests use it).
// copts are extra crawler options (tests allow their local fixture server).
func runServe(ctx context.Context, g *globals, cfg config.Config, demoMode bool, stdout io.Writer, ready chan<- string, copts ...crawler.Option) (err error) {
	log := newLogger(cfg, os.Stderr)
	cl, err := classifierFor(g)
	if err != nil {
		return err
	}
	if demoMode {
		g.esURLs = nil // the demo always runs on the embedded store
	}
	store, err := openStoreForWriting(ctx, g, cl.Analyze)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := store.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close store: %w", cerr)
		}
	}()
	accounts, accOpts, err := serveAccounts(g, store, cfg.SessionTTL.Duration)
	if err != nil {
		return err
	}
	m := metrics.New()

	var adminPW string
	if demoMode {
		if adminPW, err = setupDemo(ctx, log, cl, store, accounts, m); err != nil {
			return err
		}
	}

	// Saved searches alert on what the scheduled crawls store; digests
	// go out from here.
	al, err := startAlerts(ctx, g, store, log, time.Minute)
	if err != nil {
		return err
	}
	defer al.close(5 * time.Second)

	opts := []review.Option{
		review.WithRules(ruleInfos(cl.Pack())), review.WithAlerts(al.engine.Repo()),
		review.WithDoubleReview(agree.Config{Share: cfg.DoubleReviewShare, Categories: cfg.DoubleReviewCategories}, al.engine.Repo().KV()),
		review.WithLogger(log), review.WithMetrics(m), review.WithVersion(version),
		review.WithSessionTTL(cfg.SessionTTL.Duration), review.WithSecureCookies(cfg.SecureCookies),
		review.WithLoginLimit(cfg.LoginAttempts, cfg.LoginWindow.Duration), review.WithExportLimit(cfg.ExportLimit),
	}
	opts = append(opts, accOpts...)
	var sched *schedule.Scheduler
	if cfg.Sources != "" {
		stateDir := cfg.CrawlState
		if stateDir == "" {
			stateDir = filepath.Join(g.dataDir, "crawl")
		}
		var c *crawler.Crawler
		// Crawls stop fetching at shutdown and store what they hold
		// until shutdown_timeout has passed.
		drain, cancelDrain := drainContext(ctx, cfg.ShutdownTimeout.Duration)
		defer cancelDrain()
		sched, c, err = newScheduler(cfg, stateDir, cl, store, m, log, drain, al.hook(), copts...)
		if err != nil {
			return err
		}
		defer c.Close()
		opts = append(opts, review.WithSources(sched))
	}
	app, err := review.New(store, accounts, opts...)
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return netra.WithHint(fmt.Errorf("listen on %s: %w", cfg.Addr, err), "choose another address with --addr or $NETRA_ADDR")
	}
	srv := &http.Server{
		Handler:           app.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      15 * time.Minute, // exports stream for a while
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	tlsOn := cfg.TLSCert != ""
	scheme := "http"
	if tlsOn {
		scheme = "https"
	}
	url := fmt.Sprintf("%s://%s/", scheme, displayAddr(ln.Addr()))
	if sched != nil {
		sched.Start()
	}
	if es, ok := store.(*elastic.Store); ok && (cfg.RolloverMaxAge.Duration > 0 || cfg.RolloverMaxDocs > 0) {
		go rolloverLoop(ctx, es, elastic.RolloverConditions{MaxAge: cfg.RolloverMaxAge.Duration, MaxDocs: cfg.RolloverMaxDocs}, 24*time.Hour, log)
	}
	if sp, ok := store.(index.Spooler); ok {
		// Records spooled during an outage (here, or by an earlier
		// command) reach the cluster as soon as it answers again.
		go sp.ReplayLoop(ctx, func(n int, err error) {
			if err != nil {
				log.Warn("replay spool", "err", err)
				return
			}
			log.Info("delivered spooled records", "records", n)
		})
	}
	log.Info("serving", "url", url, "data", g.dataDir, "sources", cfg.Sources, "demo", demoMode)
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() && !tlsOn && !cfg.SecureCookies {
		log.Warn("serving plain HTTP beyond localhost: passwords and session cookies travel unencrypted; set tls_cert/tls_key or put a TLS proxy in front (secure_cookies: true)")
	}
	if demoMode {
		fmt.Fprintf(stdout, "\nNetra demo is ready: %s\n  user:     admin\n  password: %s   (one-time: a new one each start; `netra --data %s users passwd admin` sets another)\n  data:     %s (a temporary directory is removed on exit; --data DIR keeps the demo)\n\n",
			url, adminPW, g.dataDir, g.dataDir)
	}
	if !demoMode {
		// A fresh data directory has no accounts: say how to make one
		// rather than leave the first visitor at a login nobody passes.
		if us, err := accounts.List(); err == nil && len(us) == 0 {
			fmt.Fprintf(stdout, "\nNo users yet, so nobody can sign in. Create an admin (the running server picks it up at once):\n  netra --data %s users add NAME --role admin\n\n", g.dataDir)
		}
	}
	if ready != nil {
		ready <- ln.Addr().String()
	}

	grp, gctx := errgroup.WithContext(ctx)
	grp.Go(func() error {
		var err error
		if tlsOn {
			err = srv.ServeTLS(ln, cfg.TLSCert, cfg.TLSKey)
		} else {
			err = srv.Serve(ln)
		}
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	})
	grp.Go(func() error {
		<-gctx.Done()
		log.Info("shutting down", "timeout", cfg.ShutdownTimeout.Duration)
		sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout.Duration)
		defer cancel()
		var errs []error
		if sched != nil {
			// Crawls get the whole timeout to finish, then are cancelled
			// so they checkpoint, with crawl_grace to do so.
			if err := sched.Stop(sctx, cfg.CrawlGrace.Duration); err != nil {
				errs = append(errs, err)
			}
		}
		if err := srv.Shutdown(sctx); err != nil {
			errs = append(errs, fmt.Errorf("http shutdown: %w", err))
		}
		return errors.Join(errs...)
	})
	err = grp.Wait()
	log.Info("stopped")
	return err
}

func displayAddr(a net.Addr) string {
	s := a.String()
	if strings.HasPrefix(s, "0.0.0.0:") || strings.HasPrefix(s, "[::]:") {
		return "localhost" + s[strings.LastIndex(s, ":"):]
	}
	return s
}

// setupDemo imports the bundled texts and makes sure an admin account with
// a fresh password exists; it returns that password.
func setupDemo(ctx context.Context, log *slog.Logger, cl *classifier.Classifier, store index.Store, accounts accountStore, m *metrics.Metrics) (string, error) {
	items, err := demo.Items()
	if err != nil {
		return "", err
	}
	now := time.Now().UTC()
	enrich, err := itemEnricher(ctx, store)
	if err != nil {
		return "", err
	}
	st, err := pipeline.RunFrom(ctx, cl, func(ctx context.Context, send func(netra.Item) error) error {
		for _, it := range items {
			if it.Fetched.IsZero() {
				it.Fetched = now
			}
			if err := send(it); err != nil {
				return err
			}
		}
		return nil
	}, pipeline.Options{Sink: store, Enrich: enrich}, nil)
	if err != nil {
		return "", fmt.Errorf("demo import: %w", err)
	}
	countPipeline(m, st)
	log.Info("demo imported", "items", st.Items, "flagged", st.Flagged, "stored", st.Stored, "elapsed", st.Elapsed)

	pw, err := users.GeneratePassword()
	if err != nil {
		return "", err
	}
	if err := accounts.Add("admin", users.RoleAdmin, pw); errors.Is(err, users.ErrExists) {
		err = accounts.SetPassword("admin", pw)
	} else if err != nil {
		return "", err
	}
	return pw, err
}

// countPipeline adds one pipeline run (the demo import or a crawl) to the
// item counters /metrics shows.
func countPipeline(m *metrics.Metrics, st pipeline.Stats) {
	m.Classified.Add(float64(st.Items))
	m.Flagged.Add(float64(st.Flagged))
	m.Indexed.Add(float64(st.Stored))
}

// newScheduler wires the sources file to the crawler → pipeline → store job.
// The caller closes the returned crawler after stopping the scheduler.
//
// stored is the alert hook every crawl's pipeline calls.
func newScheduler(cfg config.Config, stateDir string, cl *classifier.Classifier, store index.Store, m *metrics.Metrics, log *slog.Logger, drain context.Context, stored func(context.Context, []netra.Record), copts ...crawler.Option) (*schedule.Scheduler, *crawler.Crawler, error) {
	srcs, err := crawler.LoadSources(cfg.Sources)
	if err != nil {
		return nil, nil, err
	}
	copts = append([]crawler.Option{crawler.WithStateDir(stateDir), crawler.WithLogger(log), crawler.WithAcks()}, copts...)
	// With --es, replicas and `netra crawl` workers share the crawl state
	// and take each source's lease, so each run happens once (crawl_lease.go).
	cs := sharedCrawlState(drain, store)
	if cs != nil {
		copts = append(copts, crawler.WithSharedState(cs, func(err error) { log.Warn("shared crawl state", "err", err) }))
	}
	leases, err := crawlLeases(store, cfg.CrawlLeaseTTL.Duration, stateDir)
	if err != nil {
		return nil, nil, err
	}
	c := crawler.New(copts...)
	byName := make(map[string]crawler.Source, len(srcs))
	entries := make([]schedule.Entry, 0, len(srcs))
	for _, s := range srcs {
		byName[s.Name] = s
		entries = append(entries, scheduleEntry(c, s))
	}
	job := crawlJob(c, byName, cl, store, m, log, drain, stored)
	if leases != nil {
		job = leasedJob(job, leases, cs, byName, drain, log)
	}
	sched, err := schedule.New(entries, job, schedule.WithLogger(log), schedule.WithMetrics(m))
	if err != nil {
		c.Close()
		return nil, nil, fmt.Errorf("%s: %w", cfg.Sources, err)
	}
	return sched, c, nil
}

// scheduleEntry is a source as the scheduler sees it: the same default
// schedule and clock as `netra crawl` (crawler.DefaultSchedule, the
// sources file's timezone or UTC), and for an adaptive source a tick every
// min_interval that runs only when the crawler says it is due.
func scheduleEntry(c *crawler.Crawler, s crawler.Source) schedule.Entry {
	e := schedule.Entry{Name: s.Name, Kind: s.Kind, Region: s.Region, Schedule: s.TickSpec(), Location: s.Clock()}
	if s.MinInterval > 0 {
		e.Due = func() bool {
			due, _, err := c.Due(s)
			return due || err != nil // an unreadable state must not stop crawling
		}
	}
	return e
}

// crawlJob crawls one source through crawlSource, the same crawler →
// pipeline → store join `netra crawl` uses. When ctx is cancelled the crawler
// stops fetching and the pipeline stores what it holds until drain ends;
// URLs not stored stay pending for the next run.
func crawlJob(c *crawler.Crawler, srcs map[string]crawler.Source, cl *classifier.Classifier, store index.Store, m *metrics.Metrics, log *slog.Logger, drain context.Context, stored func(context.Context, []netra.Record)) schedule.Job {
	return func(ctx context.Context, name string) (schedule.Result, error) {
		src, ok := srcs[name]
		if !ok {
			return schedule.Result{}, fmt.Errorf("%q: %w", name, review.ErrUnknownSource)
		}
		rs, st, err := crawlSource(ctx, drain, c, src, cl, store, stored, func(it netra.Item, err error) {
			m.IndexErrors.Inc()
			log.Error("page not classified; not stored", "source", name, "url", it.URL, "err", err)
		})
		countPipeline(m, st)
		if err != nil && ctx.Err() == nil {
			m.IndexErrors.Inc()
		}
		return schedule.Result{Items: rs.New, Flagged: int(st.Flagged), Errors: rs.ErrorCount()}, err
	}
}
