package crawler

import (
	"log/slog"
	"time"

	"github.com/netra-id/netra/crawler/state"
)

// Option configures a Crawler.
type Option func(*config)

type config struct {
	userAgent     string
	contact       string
	stateDir      string
	shared        state.Store
	sharedErr     func(error)
	polite        bool
	adaptive      bool
	hostParallel  int
	hostDelay     time.Duration
	workers       int
	timeout       time.Duration
	maxBody       int64
	maxRedirects  int
	retries       int
	backoff       time.Duration
	maxRetryAfter time.Duration
	allowedAddrs  []string
	robotsCache   int
	maxItems      int
	maxPages      int
	logger        *slog.Logger
	now           func() time.Time
	deferFinish   bool
}

func defaultConfig() config {
	return config{
		userAgent:     "NetraBot/1.0",
		polite:        true,
		adaptive:      true,
		hostParallel:  2,
		hostDelay:     time.Second,
		workers:       4,
		timeout:       30 * time.Second,
		maxBody:       10 << 20,
		maxRedirects:  5,
		retries:       2,
		backoff:       500 * time.Millisecond,
		maxRetryAfter: 2 * time.Minute,
		robotsCache:   512,
		maxItems:      500,
		maxPages:      10,
		now:           time.Now,
	}
}

// WithUserAgent sets the product token and version, e.g. "NetraBot/1.0";
// the contact URL is appended as "(+URL)". robots.txt groups are matched
// against the product token.
func WithUserAgent(ua string) Option { return func(c *config) { c.userAgent = ua } }

// WithContact sets the URL site owners can visit to reach the crawler's
// operators; it goes into the User-Agent header.
func WithContact(url string) Option { return func(c *config) { c.contact = url } }

// WithStateDir keeps the visited/resume state in dir (usually the data
// directory). Without it nothing is remembered between runs.
func WithStateDir(dir string) Option { return func(c *config) { c.stateDir = dir } }

// WithSharedState adds a crawl state every worker shares to the local one
// (state.Shared): `netra crawl --es` passes the cluster's, so a worker that
// takes over a source resumes from what the previous holder left, and no
// worker fetches a page another one finished. remote may also implement
// state.Meta (validators, poll state) and DoneMany (one round trip for a
// listing's URLs); Close closes it. onError (may be nil) hears of writes
// to it that failed; they do not stop the crawl (see state.Shared).
func WithSharedState(remote state.Store, onError func(error)) Option {
	return func(c *config) { c.shared, c.sharedErr = remote, onError }
}

// WithPoliteness turns per-host delays and adaptive throttling on (the
// default) or off. Off is for benchmarks against one's own server.
// robots.txt is obeyed either way.
func WithPoliteness(on bool) Option {
	return func(c *config) { c.polite, c.adaptive = on, on }
}

// WithHostLimits sets how many requests may be in flight to one host and
// the minimum delay between two requests to it (robots.txt Crawl-delay and
// a source's delay can only raise it).
func WithHostLimits(parallel int, delay time.Duration) Option {
	return func(c *config) {
		if parallel > 0 {
			c.hostParallel = parallel
		}
		if delay >= 0 {
			c.hostDelay = delay
		}
	}
}

// WithWorkers sets how many article pages are fetched concurrently per
// source (per-host limits still apply).
func WithWorkers(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.workers = n
		}
	}
}

// WithTimeout bounds one request including its body; slow-drip servers
// hit it.
func WithTimeout(d time.Duration) Option { return func(c *config) { c.timeout = d } }

// WithMaxBody bounds a response body after decompression.
func WithMaxBody(n int64) Option { return func(c *config) { c.maxBody = n } }

// WithMaxRedirects bounds a redirect chain.
func WithMaxRedirects(n int) Option { return func(c *config) { c.maxRedirects = n } }

// WithRetries sets how many times a transient failure (network error, 5xx,
// 429) is retried and the first backoff (doubled each time).
func WithRetries(n int, backoff time.Duration) Option {
	return func(c *config) { c.retries, c.backoff = n, backoff }
}

// WithMaxRetryAfter is the longest Retry-After the crawler waits for; a
// server asking for more fails the request with reason rate_limited.
func WithMaxRetryAfter(d time.Duration) Option { return func(c *config) { c.maxRetryAfter = d } }

// WithAllowedAddrs lets the crawler dial these exact "ip:port" addresses
// even though they are private or loopback, without opening the rest of
// the private ranges: tests use it for their local servers while checking
// that links to other private addresses are still refused.
func WithAllowedAddrs(addrs ...string) Option {
	return func(c *config) { c.allowedAddrs = append(c.allowedAddrs, addrs...) }
}

// WithRobotsCache bounds how many hosts' robots.txt are kept in memory.
func WithRobotsCache(n int) Option { return func(c *config) { c.robotsCache = n } }

// WithLimits sets the default items and pages per run for sources that do
// not set max_items and max_pages.
func WithLimits(maxItems, maxPages int) Option {
	return func(c *config) {
		if maxItems > 0 {
			c.maxItems = maxItems
		}
		if maxPages > 0 {
			c.maxPages = maxPages
		}
	}
}

// WithLogger receives one debug line per failure.
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.logger = l } }

// WithClock replaces time.Now for date filters (tests over old fixtures).
func WithClock(now func() time.Time) Option { return func(c *config) { c.now = now } }
