package elastic

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/netra-id/netra/crawler/state"
)

// CrawlState keeps the crawler's state (done and pending URLs, content
// hashes, host pauses, conditional-GET validators, poll state, finished
// runs) in one index of the cluster, PREFIX-crawlstate, so a worker that
// takes over a source's lease resumes where the previous holder stopped.
//
// One document per URL (id "u:" + hash of the URL) holding its state,
// pending or done; one per content hash ("h:"), host pause ("p:"),
// validator ("v:"), poll state ("poll:") and finished run ("run:"). Done,
// HashSeen, Validator and Poll are gets by ID, real-time without a
// refresh; Pending and Paused search, after one refresh. A URL's document
// is written pending with op_type=create (never over a done one) and done
// with a plain index, in bulk: Finish returns when the cluster has
// acknowledged the write, so "done" is never ahead of what is stored.
//
// The state interfaces have no context; ctx given to CrawlState bounds
// every request (each also gets the store's request timeout).
type CrawlState struct {
	s     *Store
	ctx   context.Context
	index string

	readyMu sync.Mutex  // serialises creating the index
	ready   atomic.Bool // the index exists

	mu        sync.Mutex
	done      map[string]bool // URLs known done: the set only grows, so it is a safe cache
	downUntil time.Time       // after a failure to reach the cluster, fail fast until then
}

// crawlStateBackoff is how long the crawl state fails fast after the
// cluster could not be reached: during an outage the crawl goes on with
// its local state (state.Shared) instead of waiting on every lookup.
const crawlStateBackoff = 5 * time.Second

// errStateDown is the fast answer while the cluster is unreachable.
var errStateDown = errors.New("crawl state: elasticsearch unreachable, retrying in a few seconds")

// do sends one request without retries (see doOn); a failure to reach the
// cluster makes the next calls fail fast for crawlStateBackoff.
func (c *CrawlState) do(method, path string, body io.Reader, out any) (int, error) {
	c.mu.Lock()
	down := time.Now().Before(c.downUntil)
	c.mu.Unlock()
	if down {
		return 0, errStateDown
	}
	code, err := c.s.doOn(c.ctx, c.s.probe, method, path, body, out)
	var ee *esError
	if err != nil && !errors.As(err, &ee) && c.ctx.Err() == nil {
		c.mu.Lock()
		c.downUntil = time.Now().Add(crawlStateBackoff)
		c.mu.Unlock()
		c.ready.Store(false) // look again once it is back
	}
	return code, err
}

// The crawler picks its state at run time; keep both interfaces.
var (
	_ state.Store = (*CrawlState)(nil)
	_ state.Meta  = (*CrawlState)(nil)
)

// CrawlState returns the cluster's crawl state; ctx bounds its requests.
func (s *Store) CrawlState(ctx context.Context) *CrawlState {
	return &CrawlState{s: s, ctx: ctx, index: s.cfg.IndexPrefix + "-crawlstate", done: map[string]bool{}}
}

const crawlStateMapping = `{"settings":{"number_of_shards":1,"auto_expand_replicas":"0-1"},
 "mappings":{"dynamic":false,"properties":{"t":{"type":"keyword"},"source":{"type":"keyword"},"state":{"type":"keyword"},
  "url":{"type":"keyword"},"until":{"type":"date"},"at":{"type":"date"}}}}`

// csDoc is every kind of crawl state document; t says which.
type csDoc struct {
	T      string           `json:"t"`
	Source string           `json:"source,omitempty"`
	State  string           `json:"state,omitempty"` // url: "pending" or "done"
	URL    string           `json:"url,omitempty"`
	Hash   string           `json:"hash,omitempty"`
	Until  *time.Time       `json:"until,omitempty"` // pause
	At     time.Time        `json:"at"`
	Val    *state.Validator `json:"val,omitempty"`
	Poll   *state.Poll      `json:"poll,omitempty"`
}

func (c *CrawlState) ensure() error {
	if c.ready.Load() {
		return nil
	}
	c.readyMu.Lock()
	defer c.readyMu.Unlock()
	if c.ready.Load() {
		return nil
	}
	_, err := c.do(http.MethodPut, "/"+c.index, strings.NewReader(crawlStateMapping), nil)
	var ee *esError
	if err != nil && !(errors.As(err, &ee) && ee.Type == "resource_already_exists_exception") {
		return fmt.Errorf("elasticsearch at %s: create index %s: %w", c.s.url, c.index, err)
	}
	c.ready.Store(true)
	return nil
}

// keyOf keeps IDs short and URL-safe whatever the URL's length.
func keyOf(prefix, s string) string {
	h := sha256.Sum256([]byte(s))
	return prefix + hex.EncodeToString(h[:16])
}

func (c *CrawlState) path(id string) string { return "/" + c.index + "/_doc/" + url.PathEscape(id) }

// get reads one document by ID (real time); false when there is none.
func (c *CrawlState) get(id string) (csDoc, bool, error) {
	if err := c.ensure(); err != nil {
		return csDoc{}, false, err
	}
	var res struct {
		Found  bool  `json:"found"`
		Source csDoc `json:"_source"`
	}
	_, err := c.do(http.MethodGet, c.path(id), nil, &res)
	var ee *esError
	if errors.As(err, &ee) && ee.Status == http.StatusNotFound {
		return csDoc{}, false, nil
	}
	if err != nil {
		return csDoc{}, false, fmt.Errorf("crawl state %s: %w", id, err)
	}
	return res.Source, res.Found, nil
}

func (c *CrawlState) put(id string, d csDoc) error {
	if err := c.ensure(); err != nil {
		return err
	}
	body, err := jsonBody(d)
	if err != nil {
		return err
	}
	if _, err := c.do(http.MethodPut, c.path(id)+"?refresh=false", body, nil); err != nil {
		return fmt.Errorf("crawl state %s: %w", id, err)
	}
	return nil
}

// bulkOp is one action of a bulk request: "index" or "create".
type bulkOp struct {
	op, id string
	doc    csDoc
}

// bulk writes ops in one request; conflicts of "create" actions (the
// document exists) are expected and ignored, any other failed action is
// an error.
func (c *CrawlState) bulk(ops []bulkOp) error {
	if len(ops) == 0 {
		return nil
	}
	if err := c.ensure(); err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, o := range ops {
		_ = enc.Encode(map[string]map[string]string{o.op: {"_index": c.index, "_id": o.id}})
		if err := enc.Encode(o.doc); err != nil {
			return err
		}
	}
	var br bulkResponse
	if _, err := c.do(http.MethodPost, "/_bulk", &buf, &br); err != nil {
		return fmt.Errorf("crawl state: bulk of %d: %w", len(ops), err)
	}
	for i, item := range br.Items {
		for op, r := range item {
			if r.Error == nil {
				continue
			}
			if op == "create" && r.Status == http.StatusConflict {
				continue
			}
			id := ""
			if i < len(ops) {
				id = ops[i].id
			}
			return fmt.Errorf("crawl state: %s %s: %s: %s", op, id, r.Error.Type, r.Error.Reason)
		}
	}
	return nil
}

// refresh makes documents other workers wrote visible to searches.
func (c *CrawlState) refresh() error {
	if err := c.ensure(); err != nil {
		return err
	}
	if _, err := c.do(http.MethodPost, "/"+c.index+"/_refresh", nil, nil); err != nil {
		return fmt.Errorf("crawl state: refresh: %w", err)
	}
	return nil
}

// Done implements state.Store. A failed lookup counts as not done: the
// page is fetched again rather than lost.
func (c *CrawlState) Done(u string) bool {
	return c.DoneMany([]string{u})[u]
}

// DoneMany is Done for many URLs in one request (the crawler's take asks
// about every URL of a listing at once).
func (c *CrawlState) DoneMany(urls []string) map[string]bool {
	out := make(map[string]bool, len(urls))
	var ask []string
	c.mu.Lock()
	for _, u := range urls {
		if c.done[u] {
			out[u] = true
		} else {
			ask = append(ask, u)
		}
	}
	c.mu.Unlock()
	if len(ask) == 0 || c.ensure() != nil {
		return out
	}
	ids := make([]string, len(ask))
	for i, u := range ask {
		ids[i] = keyOf("u:", u)
	}
	body, err := jsonBody(map[string][]string{"ids": ids})
	if err != nil {
		return out
	}
	var res struct {
		Docs []struct {
			Found  bool  `json:"found"`
			Source csDoc `json:"_source"`
		} `json:"docs"`
	}
	if _, err := c.do(http.MethodPost, "/"+c.index+"/_mget", body, &res); err != nil {
		return out
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, d := range res.Docs {
		if i < len(ask) && d.Found && d.Source.State == "done" {
			out[ask[i]] = true
			c.done[ask[i]] = true
		}
	}
	return out
}

// Finish implements state.Store.
func (c *CrawlState) Finish(source, u, hash string) error {
	return c.FinishAll([]state.Entry{{Source: source, URL: u, Hash: hash}})
}

// FinishAll implements state.Store: one bulk request; it returns once the
// cluster acknowledged every write.
func (c *CrawlState) FinishAll(entries []state.Entry) error {
	now := time.Now().UTC()
	ops := make([]bulkOp, 0, 2*len(entries))
	for _, e := range entries {
		ops = append(ops, bulkOp{"index", keyOf("u:", e.URL), csDoc{T: "url", Source: e.Source, URL: e.URL, State: "done", Hash: e.Hash, At: now}})
		if e.Hash != "" {
			ops = append(ops, bulkOp{"index", "h:" + e.Hash, csDoc{T: "hash", URL: e.URL, At: now}})
		}
	}
	if err := c.bulk(ops); err != nil {
		return err
	}
	c.mu.Lock()
	for _, e := range entries {
		c.done[e.URL] = true
	}
	c.mu.Unlock()
	return nil
}

// HashSeen implements state.Store.
func (c *CrawlState) HashSeen(hash string) bool {
	_, ok, err := c.get("h:" + hash)
	return ok && err == nil
}

// AddPending implements state.Store: create-only, so a URL another run
// finished meanwhile stays done.
func (c *CrawlState) AddPending(source string, urls []string) error {
	now := time.Now().UTC()
	ops := make([]bulkOp, len(urls))
	for i, u := range urls {
		ops[i] = bulkOp{"create", keyOf("u:", u), csDoc{T: "url", Source: source, URL: u, State: "pending", At: now}}
	}
	return c.bulk(ops)
}

// Pending implements state.Store: every pending URL of the source, in URL
// order, paged with search_after.
func (c *CrawlState) Pending(source string) ([]string, error) {
	if err := c.refresh(); err != nil {
		return nil, err
	}
	var out []string
	var after []any
	for {
		q := map[string]any{
			"size":    1000,
			"_source": []string{"url"},
			"sort":    []any{map[string]string{"url": "asc"}},
			"query": map[string]any{"bool": map[string]any{"filter": []any{
				map[string]any{"term": map[string]string{"t": "url"}},
				map[string]any{"term": map[string]string{"source": source}},
				map[string]any{"term": map[string]string{"state": "pending"}},
			}}},
		}
		if after != nil {
			q["search_after"] = after
		}
		body, err := jsonBody(q)
		if err != nil {
			return nil, err
		}
		var res hitsOf[csDoc]
		if _, err := c.do(http.MethodPost, "/"+c.index+"/_search", body, &res); err != nil {
			return nil, fmt.Errorf("crawl state: pending of %s: %w", source, err)
		}
		for _, h := range res.Hits.Hits {
			out = append(out, h.Source.URL)
		}
		if len(res.Hits.Hits) < 1000 {
			return out, nil
		}
		after = res.Hits.Hits[len(res.Hits.Hits)-1].Sort
	}
}

// PauseHost implements state.Store; a pause only ever grows longer.
func (c *CrawlState) PauseHost(host string, until time.Time) error {
	id := "p:" + host
	old, ok, err := c.get(id)
	if err != nil {
		return err
	}
	if ok && old.Until != nil && !until.After(*old.Until) {
		return nil
	}
	u := until.UTC()
	return c.put(id, csDoc{T: "pause", URL: host, Until: &u, At: time.Now().UTC()})
}

// Paused implements state.Store. Pauses that are over stay as documents
// (a few per host) and are no longer listed.
func (c *CrawlState) Paused(now time.Time) (map[string]time.Time, error) {
	if err := c.refresh(); err != nil {
		return nil, err
	}
	body, err := jsonBody(map[string]any{
		"size": 10000,
		"query": map[string]any{"bool": map[string]any{"filter": []any{
			map[string]any{"term": map[string]string{"t": "pause"}},
			map[string]any{"range": map[string]any{"until": map[string]string{"gt": now.UTC().Format(time.RFC3339Nano)}}},
		}}},
	})
	if err != nil {
		return nil, err
	}
	var res hitsOf[csDoc]
	if _, err := c.do(http.MethodPost, "/"+c.index+"/_search", body, &res); err != nil {
		return nil, fmt.Errorf("crawl state: paused hosts: %w", err)
	}
	out := map[string]time.Time{}
	for _, h := range res.Hits.Hits {
		if h.Source.Until != nil && h.Source.Until.After(now) {
			out[h.Source.URL] = *h.Source.Until
		}
	}
	return out, nil
}

// Close implements state.Store; the cluster connection belongs to the
// Store.
func (c *CrawlState) Close() error { return nil }

// Validator implements state.Meta.
func (c *CrawlState) Validator(u string) (state.Validator, bool) {
	d, ok, err := c.get(keyOf("v:", u))
	if err != nil || !ok || d.Val == nil {
		return state.Validator{}, false
	}
	return *d.Val, true
}

// SetValidator implements state.Meta; an empty validator forgets the URL's.
func (c *CrawlState) SetValidator(u string, v state.Validator) error {
	id := keyOf("v:", u)
	if v == (state.Validator{}) {
		if err := c.ensure(); err != nil {
			return err
		}
		_, err := c.do(http.MethodDelete, c.path(id), nil, nil)
		var ee *esError
		if err != nil && !(errors.As(err, &ee) && ee.Status == http.StatusNotFound) {
			return fmt.Errorf("crawl state: validator of %s: %w", u, err)
		}
		return nil
	}
	return c.put(id, csDoc{T: "validator", URL: u, Val: &v, At: time.Now().UTC()})
}

// Poll implements state.Meta.
func (c *CrawlState) Poll(source string) (state.Poll, bool) {
	d, ok, err := c.get("poll:" + source)
	if err != nil || !ok || d.Poll == nil {
		return state.Poll{}, false
	}
	return *d.Poll, true
}

// SetPoll implements state.Meta.
func (c *CrawlState) SetPoll(source string, p state.Poll) error {
	return c.put("poll:"+source, csDoc{T: "poll", Source: source, Poll: &p, At: time.Now().UTC()})
}

// RunFinished is when a run of source last finished completely (zero when
// none has): a worker that waited for another's lease uses it to tell a
// source crawled meanwhile from one whose holder died.
func (c *CrawlState) RunFinished(source string) (time.Time, error) {
	d, ok, err := c.get("run:" + source)
	if err != nil || !ok {
		return time.Time{}, err
	}
	return d.At, nil
}

// SetRunFinished records that a run of source finished at t.
func (c *CrawlState) SetRunFinished(source string, t time.Time) error {
	return c.put("run:"+source, csDoc{T: "run", Source: source, At: t.UTC()})
}
