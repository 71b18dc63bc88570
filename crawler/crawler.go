package crawler

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/gocolly/colly/v2"
	"github.com/netra-id/netra"
	"github.com/netra-id/netra/crawler/archive"
	"github.com/netra-id/netra/crawler/canon"
	"github.com/netra-id/netra/crawler/extract"
	"github.com/netra-id/netra/crawler/fetch"
	"github.com/netra-id/netra/crawler/meta"
	"github.com/netra-id/netra/crawler/robots"
	"github.com/netra-id/netra/crawler/state"
)

// StateFile is the name of the crawl state file inside the state directory.
const StateFile = "crawl-state.db"

// Crawler runs sources. One Crawler may run many sources, one after the
// other or concurrently; it shares robots.txt knowledge, per-host
// throttling and the dedup state between them.
type Crawler struct {
	cfg     config
	hosts   *fetch.Hosts
	robots  *robots.Cache
	allowed map[string]bool // cfg.allowedAddrs as a set, read-only after New

	mu sync.Mutex
	st state.Store

	// held are the state entries of items emitted but not yet
	// acknowledged (WithAcks), by item ID.
	heldMu sync.Mutex
	held   map[string][]state.Entry

	lang meta.Detector  // built on first use (itemmeta.go)
	disc discoveryCache // what `discover: true` sources found (discovery.go)
}

// New makes a Crawler; see the With* options for the defaults.
func New(opts ...Option) *Crawler {
	c := &Crawler{cfg: defaultConfig()}
	for _, o := range opts {
		o(&c.cfg)
	}
	delay := c.cfg.hostDelay
	if !c.cfg.polite {
		delay = 0
	}
	c.hosts = fetch.NewHosts(c.cfg.hostParallel, delay, c.cfg.adaptive)
	c.hosts.SetMaxWait(c.cfg.maxRetryAfter)
	// A pause a server asks for outlives this process: the next run (or
	// the next `netra crawl`) waits for it too.
	c.hosts.OnPause(func(host string, until time.Time) {
		if st, err := c.store(); err == nil {
			if err := st.PauseHost(host, until); err != nil && c.cfg.logger != nil {
				c.cfg.logger.Warn("crawl state: remember pause", "host", host, "err", err)
			}
		}
	})
	c.robots = robots.NewCache(c.cfg.robotsCache, 12*time.Hour)
	c.allowed = map[string]bool{}
	for _, a := range c.cfg.allowedAddrs {
		c.allowed[a] = true
	}
	return c
}

// Close releases the state file.
func (c *Crawler) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.st == nil {
		return nil
	}
	err := c.st.Close()
	c.st = nil
	return err
}

func (c *Crawler) store() (state.Store, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.st != nil {
		return c.st, nil
	}
	var local state.Store
	if c.cfg.stateDir == "" {
		local = state.NewMemory()
	} else {
		if err := os.MkdirAll(c.cfg.stateDir, 0o755); err != nil {
			return nil, fmt.Errorf("crawl state: %w", err)
		}
		st, err := state.Open(filepath.Join(c.cfg.stateDir, StateFile))
		if err != nil {
			return nil, err
		}
		local = st
	}
	c.st = local
	if c.cfg.shared != nil {
		c.st = &state.Shared{Local: local, Remote: c.cfg.shared, OnError: c.cfg.sharedErr}
	}
	return c.st, nil
}

// userAgent builds the header value: product/version plus the contact URL.
func (c *Crawler) userAgent(src Source) string {
	ua, contact := c.cfg.userAgent, c.cfg.contact
	if src.UserAgent != "" {
		ua = src.UserAgent
	}
	if src.Contact != "" {
		contact = src.Contact
	}
	if contact != "" && !strings.Contains(ua, contact) {
		ua += " (+" + contact + ")"
	}
	return ua
}

// run is the state of one Run call.
type run struct {
	c      *Crawler
	src    Source
	client *fetch.Client
	st     state.Store
	stats  *statsRec
	ua     string    // User-Agent header value for this source
	since  time.Time // entries published before it are skipped; zero: no limit
	emitMu sync.Mutex
	emit   func(netra.Item) error
	cancel context.CancelCauseFunc
	cond   *condGet // conditional GET of feeds, sitemaps, listing pages

	mu       sync.Mutex
	queued   map[string]bool // URLs seen in this run
	taken    int             // article URLs taken for fetching in this run
	claimed  map[string]bool // canonical URLs and "#"+content hashes emitted in this run
	maxItems int
	maxPages int
}

// candidate is an article URL with what the listing said about it.
type candidate struct {
	url       string
	title     string
	published time.Time
}

// Run crawls one source and calls emit for every new item, from one
// goroutine at a time. An error from emit stops the run and is returned;
// fetch failures are counted in RunStats by reason, not returned.
func (c *Crawler) Run(ctx context.Context, src Source, emit func(netra.Item) error) (RunStats, error) {
	stats := &statsRec{}
	stats.do(func(s *RunStats) { s.Source, s.Started = src.Name, time.Now() })
	finish := func(err error) (RunStats, error) {
		stats.do(func(s *RunStats) {
			s.Finished = time.Now()
			s.Duration = s.Finished.Sub(s.Started)
			if s.Stopped == "" && ctx.Err() != nil {
				s.Stopped = "canceled"
			}
		})
		return stats.snapshot(), err
	}
	if err := src.Validate(); err != nil {
		return finish(err)
	}
	st, err := c.store()
	if err != nil {
		return finish(err)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	ua := c.userAgent(src)
	client := c.newClient(src, ua, func(e fetch.Event) {
		stats.do(func(s *RunStats) {
			if e.Status != 0 && !e.Retry {
				s.Fetched++
				s.Bytes += e.Bytes
			}
			if e.Retry {
				s.Retried++
			}
			if e.Limited {
				s.Limited++
			}
		})
	})
	defer client.Close()
	r := &run{
		c: c, src: src, client: client, st: st, stats: stats, ua: ua, emit: emit, cancel: cancel,
		queued: map[string]bool{}, claimed: map[string]bool{}, maxItems: c.cfg.maxItems, maxPages: c.cfg.maxPages,
		cond: newCondGet(st),
	}
	if src.MaxItems > 0 {
		r.maxItems = src.MaxItems
	}
	if src.MaxPages > 0 {
		r.maxPages = src.MaxPages
	}
	if src.Since > 0 {
		r.since = c.cfg.now().Add(-src.Since)
	}
	c.applyHostKnobs(src)

	// Pauses servers asked for in earlier runs still hold.
	paused, err := st.Paused(time.Now())
	if err != nil {
		return finish(fmt.Errorf("crawl %s: %w", src.Name, err))
	}
	for host, until := range paused {
		c.hosts.Pause(host, until)
	}

	// Resume: URLs an interrupted run discovered but did not finish go first.
	pending, err := st.Pending(src.Name)
	if err != nil {
		return finish(fmt.Errorf("crawl %s: %w", src.Name, err))
	}
	var resumed []candidate
	all := make([]candidate, len(pending))
	for i, u := range pending {
		all[i] = candidate{url: u}
	}
	done := r.doneSet(all)
	for _, cd := range all {
		if !done(cd.url) {
			resumed = append(resumed, cd)
		}
	}
	stats.do(func(s *RunStats) { s.Resumed = len(resumed) })
	if len(resumed) > 0 {
		r.fetchArticles(ctx, r.take(resumed))
	}

	switch {
	case src.Discover:
		err = r.discovered(ctx)
	case src.Kind == KindFeed:
		err = r.feeds(ctx)
	case src.Kind == KindSitemap:
		err = r.sitemaps(ctx)
	case src.Kind == KindHTML:
		err = r.listing(ctx)
	case src.Kind == KindURL:
		var cands []candidate
		for _, u := range src.URLs {
			cands = append(cands, candidate{url: u})
		}
		r.fetchArticles(ctx, r.take(cands))
	case src.Kind == KindTelegram:
		err = r.telegram(ctx)
	case src.Kind == KindMastodon:
		err = r.mastodon(ctx)
	}
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) && err == nil {
		err = cause
	}
	if err != nil {
		return finish(fmt.Errorf("crawl %s: %w", src.Name, err))
	}
	if err := r.settle(ctx); err != nil {
		return finish(fmt.Errorf("crawl %s: %w", src.Name, err))
	}
	return finish(nil)
}

// take canonicalises and filters candidates: already done in an earlier
// run, already taken in this one, too old, or over the item limit. The
// survivors are recorded as pending so an interruption can resume them.
func (r *run) take(cands []candidate) []candidate {
	var out []candidate
	var urls []string
	ok := cands[:0:0]
	for _, cd := range cands {
		u, err := canon.URL(cd.url)
		if err != nil {
			r.stats.fail(fetch.ReasonParse, cd.url)
			continue
		}
		cd.url = u
		ok = append(ok, cd)
	}
	done := r.doneSet(ok)
	r.mu.Lock()
	for _, cd := range ok {
		u := cd.url
		if r.queued[u] {
			continue
		}
		if done(u) {
			r.queued[u] = true
			r.stats.do(func(s *RunStats) { s.Seen++ })
			continue
		}
		if r.tooOld(cd.published) {
			r.stats.do(func(s *RunStats) { s.Filtered++ })
			continue
		}
		if r.taken >= r.maxItems {
			r.stats.do(func(s *RunStats) {
				s.Filtered++
				s.Stopped = "max_items"
			})
			continue
		}
		r.queued[u] = true
		r.taken++
		out = append(out, cd)
		urls = append(urls, u)
	}
	r.mu.Unlock()
	if err := r.st.AddPending(r.src.Name, urls); err != nil {
		r.cancel(fmt.Errorf("crawl state: %w", err))
	}
	return out
}

// doneBatch is a state that answers Done for many URLs in one round
// trip (the cluster's); take asks about a whole listing at once.
type doneBatch interface {
	DoneMany(urls []string) map[string]bool
}

// doneSet answers Done for the candidates, in one batch when the state
// can.
func (r *run) doneSet(cands []candidate) func(string) bool {
	b, ok := r.st.(doneBatch)
	if !ok || len(cands) < 2 {
		return r.st.Done
	}
	urls := make([]string, len(cands))
	for i, cd := range cands {
		urls[i] = cd.url
	}
	m := b.DoneMany(urls)
	return func(u string) bool { return m[u] }
}

// tooOld reports whether a known publication date falls before the
// source's since; an unknown date is never too old.
func (r *run) tooOld(published time.Time) bool {
	return !r.since.IsZero() && !published.IsZero() && published.Before(r.since)
}

func (r *run) countNew() int {
	var n int
	r.stats.do(func(s *RunStats) { n = s.New })
	return n
}

// fetchArticles fetches and extracts article pages with a colly collector
// whose transport is the polite, guarded client.
func (r *run) fetchArticles(ctx context.Context, cands []candidate) {
	if len(cands) == 0 || ctx.Err() != nil {
		return
	}
	workers := r.c.cfg.workers
	if r.src.Workers > 0 {
		workers = r.src.Workers
	}
	col := r.collector(ctx, true)
	col.Limit(&colly.LimitRule{DomainGlob: "*", Parallelism: workers})
	hints := map[string]candidate{}
	for _, cd := range cands {
		hints[cd.url] = cd
	}
	col.OnResponse(func(res *colly.Response) {
		orig := res.Ctx.Get("url")
		r.article(ctx, hints[orig], res.Request.URL.String(), res.Body)
	})
	col.OnError(func(res *colly.Response, err error) {
		orig := res.Ctx.Get("url")
		r.failed(orig, err, res.StatusCode, true)
	})
	for _, cd := range cands {
		if ctx.Err() != nil {
			break
		}
		cctx := colly.NewContext()
		cctx.Put("url", cd.url)
		if err := col.Request("GET", cd.url, nil, cctx, nil); err != nil {
			r.failed(cd.url, err, 0, true)
		}
	}
	col.Wait()
}

// collector makes a colly collector on the run's client: colly's own
// robots handling, dedup and charset guessing are off because the client
// (robots cache, canonical dedup, charset decoding) does better.
func (r *run) collector(ctx context.Context, async bool) *colly.Collector {
	col := colly.NewCollector(
		colly.StdlibContext(ctx),
		colly.Async(async),
		colly.AllowURLRevisit(),
		colly.IgnoreRobotsTxt(),
		colly.MaxBodySize(int(r.c.cfg.maxBody)+1),
		colly.UserAgent(r.ua),
	)
	// A client of colly's own (colly sets its timeout and redirect policy
	// on it) over the shared polite, guarded transport.
	col.SetClient(&http.Client{Transport: r.client, CheckRedirect: r.client.CheckRedirect})
	col.SetRedirectHandler(r.client.CheckRedirect)
	// The client bounds each attempt; this bounds attempts plus waits.
	col.SetRequestTimeout(time.Duration(r.c.cfg.retries+2)*r.c.cfg.timeout + r.c.cfg.maxRetryAfter)
	return col
}

// failed records a failed URL. For articles (article=true) permanent
// failures are finished so the next run does not try again; transient ones
// stay pending. Listing pages (feeds, sitemaps, timelines) are only counted.
func (r *run) failed(u string, err error, status int, article bool) {
	reason := fetch.ReasonOf(err)
	var fe *fetch.Error
	if !errors.As(err, &fe) && status >= 300 {
		reason = fetch.HTTPReason(status)
	}
	if reason == fetch.ReasonCanceled {
		return
	}
	if reason == fetch.ReasonRobots {
		r.stats.do(func(s *RunStats) { s.Robots++ })
	} else {
		r.stats.fail(reason, u)
	}
	if r.c.cfg.logger != nil {
		r.c.cfg.logger.Debug("crawl failure", "source", r.src.Name, "url", u, "reason", reason, "err", err)
	}
	switch reason {
	case fetch.ReasonTimeout, fetch.ReasonNetwork, fetch.ReasonRateLimited, fetch.ReasonCanceled:
		return
	}
	if article && u != "" {
		_ = r.st.Finish(r.src.Name, u, "")
	}
}

// article turns one fetched page into an item.
func (r *run) article(ctx context.Context, hint candidate, finalURL string, body []byte) {
	if ctx.Err() != nil {
		return
	}
	a, err := extract.Page(body, finalURL, extract.DefaultOptions())
	if err != nil {
		r.stats.fail(fetch.ReasonEmpty, hint.url)
		_ = r.st.Finish(r.src.Name, hint.url, "")
		return
	}
	canonical := a.Canonical
	if canonical == "" {
		canonical = finalURL
	}
	cu, err := canon.URL(canonical)
	if err != nil {
		cu = hint.url
	}
	hash := contentHash(a.Text)
	switch r.claim(hint.url, cu, hash) {
	case claimSeen:
		// Reached under another name (redirect, AMP, tracking): already taken.
		r.stats.do(func(s *RunStats) { s.Seen++ })
		_ = r.st.Finish(r.src.Name, hint.url, "")
		return
	case claimDup:
		r.stats.do(func(s *RunStats) { s.Dup++ })
		_ = r.st.Finish(r.src.Name, hint.url, "")
		return
	}
	it := netra.Item{
		ID:        netra.ItemID(cu, "", ""),
		Source:    r.src.Name,
		Kind:      "news",
		URL:       cu,
		Title:     a.Title,
		Text:      a.Text,
		Author:    a.Author,
		Region:    r.src.Region,
		Language:  a.Language,
		Published: a.Published,
		Fetched:   r.c.cfg.now().UTC(),
	}
	it.Archive = archive.Freeze(body, it.Fetched) // the page as evidence, should it change or vanish
	r.c.completeMeta(&it, body)
	if it.Title == "" {
		it.Title = hint.title
	}
	if it.Published.IsZero() {
		it.Published = hint.published
	}
	// Date guessing can give odd zone offsets (beyond ±18:00, which
	// stores refuse); the instant is what counts.
	it.Published = it.Published.UTC()
	if it.Language == "" {
		it.Language = r.src.Language
	}
	if r.tooOld(it.Published) {
		r.stats.do(func(s *RunStats) { s.Filtered++ })
		_ = r.st.Finish(r.src.Name, hint.url, "")
		return
	}
	entries := []state.Entry{{Source: r.src.Name, URL: hint.url, Hash: hash}}
	if cu != hint.url {
		entries = append(entries, state.Entry{Source: r.src.Name, URL: cu, Hash: hash})
	}
	if r.c.cfg.deferFinish {
		// Held before emit: the acknowledgement may come before emit
		// returns.
		r.c.hold(it.ID, entries)
	}
	if err := r.deliver(it); err != nil {
		if r.c.cfg.deferFinish {
			r.c.release(it.ID)
		}
		return
	}
	if !r.c.cfg.deferFinish {
		_ = r.st.FinishAll(entries)
	}
}

type claimResult int

const (
	claimOK   claimResult = iota
	claimSeen             // the canonical URL was taken before
	claimDup              // the same text was taken before
)

// claim atomically reserves an article's canonical URL and content hash,
// so two workers extracting the same article under different URLs at the
// same moment emit it once.
func (r *run) claim(requested, canonical, hash string) claimResult {
	r.mu.Lock()
	defer r.mu.Unlock()
	if canonical != requested && (r.claimed[canonical] || r.st.Done(canonical)) {
		return claimSeen
	}
	if r.claimed["#"+hash] || r.st.HashSeen(hash) {
		return claimDup
	}
	r.claimed[canonical] = true
	r.claimed["#"+hash] = true
	return claimOK
}

// deliver calls emit under the run's lock; an emit error cancels the run.
func (r *run) deliver(it netra.Item) error {
	r.emitMu.Lock()
	defer r.emitMu.Unlock()
	if err := r.emit(it); err != nil {
		r.cancel(fmt.Errorf("emit: %w", err))
		return err
	}
	r.stats.do(func(s *RunStats) { s.New++ })
	return nil
}

// contentHash identifies a text regardless of whitespace and case, so the
// same article under two URLs is emitted once.
func contentHash(text string) string {
	h := sha256.New()
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		h.Write([]byte(w))
		h.Write([]byte{' '})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
