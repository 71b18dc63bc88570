package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/netra-id/netra/crawler/robots"
)

// Config sets the limits of one Client.
type Config struct {
	UserAgent     string        // full header value, e.g. "NetraBot/1.0 (+https://...)"
	Timeout       time.Duration // one attempt including its body
	MaxBody       int64         // bytes after decompression
	MaxRedirects  int           // a redirect chain longer than this is an error, not a loop
	Retries       int           // extra attempts for transient failures
	Backoff       time.Duration // first backoff, doubled per attempt
	MaxRetryAfter time.Duration // longest Retry-After waited for
	Robots        bool          // obey robots.txt (and its Crawl-delay)
	// Truncate keeps the first MaxBody bytes of a longer body instead of
	// failing (robots.txt: Google reads the first 500 KiB).
	Truncate bool
	// Guard vets every dialled address after DNS resolution, so a crawled
	// link or redirect cannot reach the operator's internal network.
	Guard Guard
	// Observe, when set, hears about every attempt (for statistics).
	Observe func(Event)
}

// Event describes one attempt.
type Event struct {
	URL     string
	Status  int
	Latency time.Duration
	Retry   bool  // the attempt will be retried
	Limited bool  // the server asked us to slow down (429/503)
	Bytes   int64 // body bytes after decompression and decoding; 0 when no body was read (transport error, redirect, 429 or 5xx)
}

// Client fetches with politeness and limits. Its Transport can be handed
// to other HTTP users (colly) so they get the same behaviour.
type Client struct {
	cfg    Config
	hosts  *Hosts
	robots *robots.Cache
	base   *http.Transport
	http   *http.Client
	agent  string // robots.txt product token
}

// New makes a client. hosts and robotsCache may be shared between clients
// (they are safe for concurrent use); robotsCache may be nil, in which case
// the client makes its own.
func New(cfg Config, hosts *Hosts, robotsCache *robots.Cache) *Client {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 10 << 20
	}
	if cfg.MaxRedirects < 0 {
		cfg.MaxRedirects = 0
	}
	if hosts == nil {
		hosts = NewHosts(2, 0, true)
	}
	dialer := cfg.Guard.Dialer(net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second})
	base := &http.Transport{
		Proxy:                  nil, // a proxy would dial on our behalf and bypass the guard
		DialContext:            dialer.DialContext,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  cfg.Timeout,
		MaxIdleConnsPerHost:    8,
		IdleConnTimeout:        60 * time.Second,
		DisableCompression:     true, // we decompress ourselves, under the body limit
		MaxResponseHeaderBytes: 64 << 10,
		ForceAttemptHTTP2:      true,
	}
	c := &Client{cfg: cfg, hosts: hosts, base: base, agent: robots.ProductToken(cfg.UserAgent)}
	c.http = &http.Client{Transport: c, CheckRedirect: c.CheckRedirect}
	if robotsCache == nil {
		robotsCache = robots.NewCache(256, 24*time.Hour)
	}
	c.robots = robotsCache
	return c
}

// Close drops idle connections.
func (c *Client) Close() { c.base.CloseIdleConnections() }

// CheckRedirect enforces the redirect limit and scheme.
func (c *Client) CheckRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.cfg.MaxRedirects {
		return &Error{Reason: ReasonRedirects, URL: via[0].URL.String(), Err: fmt.Errorf("more than %d redirects", c.cfg.MaxRedirects)}
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return &Error{Reason: ReasonScheme, URL: req.URL.String()}
	}
	return nil
}

// Response is a complete, decoded response.
type Response struct {
	URL    string // after redirects
	Status int
	Body   []byte      // UTF-8 for text types
	Header http.Header // response header (ETag, Last-Modified for conditional GET)
}

// Get fetches rawURL following redirects. A status other than 2xx or 304
// is returned as an *Error with reason http_NNN (and the response); 304
// Not Modified (the answer to a conditional GET) is returned without error
// and with an empty body.
func (c *Client) Get(ctx context.Context, rawURL string, header http.Header) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, &Error{Reason: ReasonParse, URL: rawURL, Err: err}
	}
	for k, v := range header {
		req.Header[k] = v
	}
	res, err := c.http.Do(req)
	if err != nil {
		return nil, unwrapURLError(err, rawURL)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body) // already in memory
	out := &Response{
		URL:    res.Request.URL.String(),
		Status: res.StatusCode,
		Body:   body,
		Header: res.Header,
	}
	if res.StatusCode == http.StatusNotModified {
		// A conditional GET's answer: not a failure, the caller asked for it.
		return out, nil
	}
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return out, &Error{Reason: HTTPReason(res.StatusCode), URL: out.URL, Status: res.StatusCode}
	}
	return out, nil
}

func unwrapURLError(err error, rawURL string) error {
	var fe *Error
	if errors.As(err, &fe) {
		return fe
	}
	return &Error{Reason: ReasonOf(err), URL: rawURL, Err: err}
}

// RoundTrip performs one hop with robots.txt, throttling, retries and
// limits, and returns the body fully read, decompressed and decoded to
// UTF-8 (so colly's own decoding sees UTF-8 and leaves it alone).
func (c *Client) RoundTrip(req *http.Request) (*http.Response, error) {
	u := req.URL
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, &Error{Reason: ReasonScheme, URL: u.String()}
	}
	ctx := req.Context()
	host := u.Host
	raw := u.String()
	if c.cfg.Robots && u.Path != "/robots.txt" {
		r, err := c.robots.Get(ctx, raw, c.fetchRobots)
		if err != nil {
			return nil, &Error{Reason: ReasonOf(err), URL: raw, Err: err}
		}
		if cause := r.Cause(); cause != nil && ReasonOf(cause) == ReasonBlocked {
			return nil, &Error{Reason: ReasonBlocked, URL: raw, Err: cause}
		}
		if !r.Allowed(c.agent, raw) {
			why := "disallowed by robots.txt"
			if r.Unreachable() {
				why = "robots.txt unreachable: site treated as closed"
			}
			return nil, &Error{Reason: ReasonRobots, URL: raw, Err: errors.New(why)}
		}
		if d := r.CrawlDelay(c.agent); d > 0 {
			c.hosts.SetMinDelay(host, d)
		}
	}
	backoff := c.cfg.Backoff
	for attempt := 0; ; attempt++ {
		last := attempt >= c.cfg.Retries
		res, latency, err := c.attempt(req)
		status := 0
		if res != nil {
			status = res.StatusCode
		}
		limited := status == 429 || status == 503 // the server asks us to slow down
		var retryAfter time.Duration
		if limited {
			retryAfter = parseRetryAfter(res.Header.Get("Retry-After"), time.Now())
		}
		c.hosts.Observe(host, latency, status, retryAfter)
		retry := false
		wait := backoff
		switch {
		case err != nil:
			retry = transient(err) && ctx.Err() == nil
		case limited:
			retry = true
			if retryAfter > c.cfg.MaxRetryAfter {
				retry, last = false, true
			}
			wait = max(wait, retryAfter)
		case status == 500 || status == 502 || status == 504:
			retry = true
		}
		if c.cfg.Observe != nil {
			var n int64
			if res != nil {
				n = res.ContentLength
			}
			c.cfg.Observe(Event{URL: raw, Status: status, Latency: latency, Retry: retry && !last, Limited: limited, Bytes: n})
		}
		if !retry || last {
			if err == nil && limited {
				res.Body.Close()
				return nil, &Error{Reason: ReasonRateLimited, URL: raw, Status: status,
					Err: fmt.Errorf("server asked to slow down (Retry-After %v)", retryAfter)}
			}
			return res, err
		}
		if res != nil {
			res.Body.Close()
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return nil, &Error{Reason: ReasonCanceled, URL: raw, Err: ctx.Err()}
		}
		backoff *= 2
	}
}

// attempt makes one request under the host's slot and reads the body.
func (c *Client) attempt(orig *http.Request) (*http.Response, time.Duration, error) {
	// Waiting for the host's turn is our politeness, not the server's
	// slowness: it happens before the attempt's clock starts.
	release, err := c.hosts.Acquire(orig.Context(), orig.URL.Host)
	if err != nil {
		return nil, 0, &Error{Reason: ReasonOf(err), URL: orig.URL.String(), Err: err}
	}
	defer release()
	ctx, cancel := context.WithTimeout(orig.Context(), c.cfg.Timeout)
	defer cancel()
	req := orig.Clone(ctx)
	if c.cfg.UserAgent != "" {
		req.Header.Set("User-Agent", c.cfg.UserAgent)
	}
	req.Header.Set("Accept-Encoding", "gzip")
	if req.Header.Get("Accept") == "" || req.Header.Get("Accept") == "*/*" {
		req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	}
	start := time.Now()
	res, err := c.base.RoundTrip(req)
	if err != nil {
		return nil, time.Since(start), &Error{Reason: ReasonOf(err), URL: orig.URL.String(), Err: err}
	}
	defer res.Body.Close()
	if res.StatusCode >= 300 && res.StatusCode < 400 || res.StatusCode == 429 || res.StatusCode == 503 || res.StatusCode >= 500 {
		// Redirects and refusals: the body is not needed.
		res.Body = io.NopCloser(bytes.NewReader(nil))
		res.ContentLength = 0
		return res, time.Since(start), nil
	}
	body, err := c.readBody(res)
	latency := time.Since(start)
	if err != nil {
		if ctx.Err() != nil && orig.Context().Err() == nil {
			err = &Error{Reason: ReasonTimeout, URL: orig.URL.String(), Err: fmt.Errorf("body not complete within %v", c.cfg.Timeout)}
		}
		return nil, latency, err
	}
	if isText(res.Header.Get("Content-Type"), body) {
		body, _ = Decode(body, res.Header.Get("Content-Type"))
		res.Header.Set("Content-Type", withUTF8(res.Header.Get("Content-Type")))
	}
	res.Header.Del("Content-Encoding")
	res.Header.Del("Content-Length")
	res.Uncompressed = true
	res.Body = io.NopCloser(bytes.NewReader(body))
	res.ContentLength = int64(len(body))
	return res, latency, nil
}

// readBody reads at most MaxBody bytes after decompression; one byte more
// fails the request, so a 2 GB body or a gzip bomb costs MaxBody of memory.
func (c *Client) readBody(res *http.Response) ([]byte, error) {
	u := res.Request.URL.String()
	if res.ContentLength > c.cfg.MaxBody && !c.cfg.Truncate {
		return nil, &Error{Reason: ReasonTooLarge, URL: u, Err: fmt.Errorf("Content-Length %d over the %d byte limit", res.ContentLength, c.cfg.MaxBody)}
	}
	var r io.Reader = res.Body
	if enc := strings.ToLower(strings.TrimSpace(res.Header.Get("Content-Encoding"))); enc == "gzip" || enc == "x-gzip" {
		zr, err := gzip.NewReader(io.LimitReader(res.Body, c.cfg.MaxBody+1))
		if err != nil {
			return nil, &Error{Reason: ReasonBadBody, URL: u, Err: err}
		}
		defer zr.Close()
		r = zr
	} else if enc != "" && enc != "identity" {
		return nil, &Error{Reason: ReasonBadBody, URL: u, Err: fmt.Errorf("unsupported Content-Encoding %q", enc)}
	}
	body, err := io.ReadAll(io.LimitReader(r, c.cfg.MaxBody+1))
	if int64(len(body)) > c.cfg.MaxBody && c.cfg.Truncate {
		return body[:c.cfg.MaxBody], nil
	}
	if int64(len(body)) > c.cfg.MaxBody {
		return nil, &Error{Reason: ReasonTooLarge, URL: u, Err: fmt.Errorf("body over the %d byte limit", c.cfg.MaxBody)}
	}
	if err != nil {
		reason := ReasonOf(err)
		if errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) || errors.Is(err, io.ErrUnexpectedEOF) {
			reason = ReasonBadBody
		}
		return nil, &Error{Reason: reason, URL: u, Err: err}
	}
	return body, nil
}

// fetchRobots gets a robots.txt without politeness (it is what politeness
// needs) but with the guard, a short timeout and Google's 500 KiB cap.
func (c *Client) fetchRobots(ctx context.Context, robotsURL string) (int, []byte, error) {
	rc := *c
	rc.cfg.Robots = false
	rc.cfg.Retries = 0
	rc.cfg.Observe = nil
	rc.cfg.MaxBody = 500 << 10
	rc.cfg.Truncate = true
	rc.cfg.MaxRedirects = min(c.cfg.MaxRedirects, 5)
	rc.http = &http.Client{Transport: &rc, CheckRedirect: rc.CheckRedirect}
	res, err := rc.Get(ctx, robotsURL, nil)
	if res != nil {
		return res.Status, res.Body, nil
	}
	var fe *Error
	if errors.As(err, &fe) && (fe.Reason == ReasonRateLimited) {
		return fe.Status, nil, nil
	}
	return 0, nil, err
}

// parseRetryAfter reads delta-seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return 0
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}
