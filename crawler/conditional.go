package crawler

import (
	"context"
	"net/http"
	"sync"

	"github.com/gocolly/colly/v2"
	"github.com/netra-id/netra/crawler/fetch"
	"github.com/netra-id/netra/crawler/state"
)

// condGet is one run's conditional-GET bookkeeping. Validators (ETag,
// Last-Modified) of feeds, sitemaps and listing pages are kept only when
// the run ends having taken every entry it found: a run cut short by
// max_items or a cancel must see the same document in full next time,
// not a 304 that hides the entries it did not get to.
type condGet struct {
	meta state.Meta // nil: the state cannot keep validators

	mu    sync.Mutex
	fresh map[string]state.Validator // validators seen in this run, by URL
}

func newCondGet(st state.Store) *condGet {
	m, _ := st.(state.Meta)
	return &condGet{meta: m, fresh: map[string]state.Validator{}}
}

// header adds If-None-Match / If-Modified-Since for u to h.
func (c *condGet) header(u string, h http.Header) {
	if c.meta == nil {
		return
	}
	v, ok := c.meta.Validator(u)
	if !ok {
		return
	}
	if v.ETag != "" {
		h.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		h.Set("If-Modified-Since", v.LastModified)
	}
}

// seen notes the validators of a full (200) answer for u.
func (c *condGet) seen(u string, h http.Header) {
	if c.meta == nil || h == nil {
		return
	}
	v := state.Validator{ETag: h.Get("ETag"), LastModified: h.Get("Last-Modified")}
	c.mu.Lock()
	c.fresh[u] = v // an empty one forgets an old validator
	c.mu.Unlock()
}

// commit stores the run's validators.
func (c *condGet) commit() error {
	if c.meta == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for u, v := range c.fresh {
		if err := c.meta.SetValidator(u, v); err != nil {
			return err
		}
	}
	return nil
}

// document fetches a feed or sitemap conditionally; nil means "skip it"
// (failed, counted, or not modified since the last complete run).
func (r *run) document(ctx context.Context, u string, accept string) *fetch.Response {
	return r.get(ctx, u, accept, true)
}

// conditionalListing makes colly's listing-page requests conditional and
// records what came back; it returns a func telling whether an error
// response was a 304.
func (r *run) conditionalListing(col *colly.Collector) func(*colly.Response) bool {
	col.OnRequest(func(req *colly.Request) {
		r.cond.header(req.URL.String(), *req.Headers)
	})
	col.OnResponse(func(res *colly.Response) {
		if res.Headers != nil {
			r.cond.seen(res.Request.URL.String(), *res.Headers)
		}
	})
	return func(res *colly.Response) bool {
		if res.StatusCode == http.StatusNotModified {
			r.stats.do(func(s *RunStats) { s.NotModified++ })
			return true
		}
		return false
	}
}
