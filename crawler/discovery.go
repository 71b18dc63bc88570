package crawler

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/netra-id/netra/crawler/discover"
	"github.com/netra-id/netra/crawler/fetch"
)

// newClient is the polite, guarded client of one source.
func (c *Crawler) newClient(src Source, ua string, observe func(fetch.Event)) *fetch.Client {
	return fetch.New(fetch.Config{
		UserAgent:     ua,
		Timeout:       c.cfg.timeout,
		MaxBody:       c.cfg.maxBody,
		MaxRedirects:  c.cfg.maxRedirects,
		Retries:       c.retriesFor(src),
		Backoff:       c.cfg.backoff,
		MaxRetryAfter: c.cfg.maxRetryAfter,
		Robots:        true, // politeness off drops delays, never robots.txt
		Guard:         fetch.Guard{AllowPrivate: src.AllowPrivate, Allowed: c.allowed},
		Observe:       observe,
	}, c.hosts, c.robots)
}

// Discover looks at each site (home or listing page URL) for feeds,
// sitemaps and article links, through the same safe client a crawl uses:
// robots.txt obeyed, private addresses refused unless allowPrivate (or
// the address is one WithAllowedAddrs names), sizes and times capped.
func (c *Crawler) Discover(ctx context.Context, sites []string, allowPrivate bool) []discover.Report {
	src := Source{Name: "discover", URLs: sites, AllowPrivate: allowPrivate}
	client := c.newClient(src, c.userAgent(src), nil)
	defer client.Close()
	out := make([]discover.Report, 0, len(sites))
	for _, s := range sites {
		if ctx.Err() != nil {
			break
		}
		out = append(out, discover.Site(ctx, client, s))
	}
	return out
}

// discoveryTTL is how long what a site offers is trusted before it is
// looked at again: sites rarely move their feeds, and looking costs a home
// page, robots.txt and up to a dozen probes.
const discoveryTTL = 24 * time.Hour

// discoveryCache remembers, per source and site, the plan discovery chose,
// so a scheduled `discover: true` source looks again once a day rather
// than at every run.
type discoveryCache struct {
	mu sync.Mutex
	m  map[string]cachedPlan
}

type cachedPlan struct {
	plan discover.Plan
	at   time.Time
}

func (d *discoveryCache) get(key string, now time.Time) (discover.Plan, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	c, ok := d.m[key]
	if !ok || now.Sub(c.at) > discoveryTTL {
		return discover.Plan{}, false
	}
	return c.plan, true
}

func (d *discoveryCache) put(key string, p discover.Plan, now time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.m == nil {
		d.m = map[string]cachedPlan{}
	}
	d.m[key] = cachedPlan{p, now}
}

// discovered crawls a `discover: true` source: each of its URLs is looked
// at as Discover does and crawled as the best kind found there (only the
// source's kind, when it names one). The document found is fetched twice
// on the run that finds it (once to check it, once to crawl it); later
// runs within discoveryTTL reuse the plan and fetch it conditionally.
func (r *run) discovered(ctx context.Context) error {
	sites := r.src.URLs
	want := r.src.Kind
	defer func() { r.src.URLs, r.src.Kind = sites, want }()
	for _, site := range sites {
		if ctx.Err() != nil {
			return nil
		}
		key := r.src.Name + "\x00" + want + "\x00" + site
		plan, ok := r.c.disc.get(key, r.c.cfg.now())
		if !ok {
			rep := discover.Site(ctx, r.client, site)
			if plan, ok = discover.Choose(rep, want); !ok {
				r.stats.fail(fetch.ReasonEmpty, site)
				continue
			}
			r.c.disc.put(key, plan, r.c.cfg.now())
		}
		r.src.Kind, r.src.URLs = plan.Kind, plan.URLs
		if plan.Selector != "" && r.src.LinkSelector == "" {
			r.src.LinkSelector = plan.Selector
		}
		var err error
		switch plan.Kind {
		case KindFeed:
			err = r.feeds(ctx)
		case KindSitemap:
			err = r.sitemaps(ctx)
		case KindHTML:
			err = r.listing(ctx)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", site, err)
		}
	}
	return nil
}
