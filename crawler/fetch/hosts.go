package fetch

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Hosts spaces requests per host: at most Parallel in flight, at least the
// host's current delay between starts. The delay adapts like Scrapy's
// AutoThrottle: it moves towards latency/parallel, rises at once on 429/503
// (at least to Retry-After), and never falls because of an error.
type Hosts struct {
	parallel int
	base     time.Duration // configured minimum delay
	max      time.Duration // ceiling of the adaptive delay
	adaptive bool
	limit    int // hosts remembered; idle ones are forgotten beyond it
	maxWait  time.Duration
	onPause  func(host string, until time.Time)

	mu sync.Mutex
	m  map[string]*hostState
}

// PauseCap bounds how long one Retry-After can pause a host, so a hostile
// or broken server cannot park it for ever.
const PauseCap = 24 * time.Hour

// PausedError is what Acquire returns for a host that asked to be left
// alone (Retry-After) for longer than the caller may wait.
type PausedError struct {
	Host  string
	Until time.Time
}

func (e *PausedError) Error() string {
	return fmt.Sprintf("%s asked to be left alone until %s (Retry-After)", e.Host, e.Until.UTC().Format(time.RFC3339))
}

type hostState struct {
	sem      chan struct{}
	next     time.Time     // earliest start of the next request
	delay    time.Duration // current delay between starts
	minDelay time.Duration // base raised by Crawl-delay
	paused   time.Time     // no request before this (Retry-After)
	inflight int
	fixed    bool // the delay does not follow latency (a source said polite: false)
}

// NewHosts makes a host table. adaptive=false keeps the delay fixed at base
// (benchmarks, politeness off).
func NewHosts(parallel int, base time.Duration, adaptive bool) *Hosts {
	if parallel < 1 {
		parallel = 1
	}
	return &Hosts{parallel: parallel, base: base, max: time.Minute, adaptive: adaptive, limit: 4096, maxWait: 2 * time.Minute, m: map[string]*hostState{}}
}

// SetMaxWait sets how long Acquire waits for a paused host; a longer pause
// fails at once with *PausedError (default 2 minutes).
func (h *Hosts) SetMaxWait(d time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.maxWait = d
}

// OnPause sets a function told of every pause a server asks for, so it
// can be remembered beyond this process (the crawl state does).
func (h *Hosts) OnPause(f func(host string, until time.Time)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.onPause = f
}

// Pause leaves host alone until until (capped at PauseCap from now), e.g.
// for a pause an earlier process was asked for. It does not change the
// host's pace afterwards.
func (h *Hosts) Pause(host string, until time.Time) {
	if limit := time.Now().Add(PauseCap); until.After(limit) {
		until = limit
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.get(host)
	if until.After(s.paused) {
		s.paused = until
	}
}

func (h *Hosts) get(host string) *hostState {
	s, ok := h.m[host]
	if !ok {
		if len(h.m) >= h.limit {
			h.evictIdle()
		}
		s = &hostState{sem: make(chan struct{}, h.parallel), delay: h.base, minDelay: h.base}
		h.m[host] = s
	}
	return s
}

// evictIdle forgets hosts with nothing in flight whose next slot is past,
// keeping the table bounded on long crawls over many hosts.
func (h *Hosts) evictIdle() {
	now := time.Now()
	for k, s := range h.m {
		if s.inflight == 0 && now.After(s.next) && now.After(s.paused) {
			delete(h.m, k)
		}
	}
}

// SetMinDelay raises a host's minimum delay (robots.txt Crawl-delay).
func (h *Hosts) SetMinDelay(host string, d time.Duration) {
	if d > h.max {
		d = h.max
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.get(host)
	if d > s.minDelay {
		s.minDelay = d
	}
	if s.delay < s.minDelay {
		s.delay = s.minDelay
	}
}

// Delay is a host's current delay between request starts.
func (h *Hosts) Delay(host string) time.Duration {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.get(host).delay
}

// Acquire waits for a slot and the host's next start time; call the
// returned func once the response is complete.
func (h *Hosts) Acquire(ctx context.Context, host string) (func(), error) {
	h.mu.Lock()
	s := h.get(host)
	if until := s.paused; time.Until(until) > h.maxWait {
		h.mu.Unlock()
		return nil, &PausedError{Host: host, Until: until}
	}
	s.inflight++
	h.mu.Unlock()
	release := func() {
		h.mu.Lock()
		s.inflight--
		h.mu.Unlock()
	}
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		release()
		return nil, ctx.Err()
	}
	h.mu.Lock()
	now := time.Now()
	start := s.next
	if start.Before(s.paused) {
		start = s.paused
	}
	if start.Before(now) {
		start = now
	}
	s.next = start.Add(s.delay)
	h.mu.Unlock()
	if wait := time.Until(start); wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-s.sem
			release()
			return nil, ctx.Err()
		}
	}
	return func() { <-s.sem; release() }, nil
}

// Observe feeds one outcome back: the latency of a completed response
// (status 0 for a transport error) and the server's Retry-After, if any.
func (h *Hosts) Observe(host string, latency time.Duration, status int, retryAfter time.Duration) {
	if !h.adaptive {
		return
	}
	if status == 429 || status == 503 {
		h.slowDown(host, retryAfter)
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.get(host)
	if s.fixed {
		return
	}
	failed := status == 0 || status >= 500 // 429 returned above
	target := latency / time.Duration(h.parallel)
	d := (s.delay + target) / 2
	if failed && d < s.delay {
		// Never speed up on errors: a failing server is no reason to go faster.
		d = s.delay
	}
	if d < s.delay*9/10 {
		// Recover slowly: one quick answer after a 429 is no all-clear.
		d = s.delay * 9 / 10
	}
	s.delay = min(max(d, s.minDelay), h.max)
}

// slowDown handles a 429 or 503: the host is asked at a larger delay, and
// its Retry-After is a pause, not a pace: after it the host is asked at
// that modest delay again (recovering as usual), not once a minute for the
// rest of the run. The pause is reported to the OnPause function.
func (h *Hosts) slowDown(host string, retryAfter time.Duration) {
	h.mu.Lock()
	s := h.get(host)
	s.delay = min(max(2*s.delay, time.Second), h.max)
	now := time.Now()
	if next := now.Add(s.delay); next.After(s.next) {
		s.next = next
	}
	var until time.Time
	if retryAfter > 0 {
		until = now.Add(min(retryAfter, PauseCap))
		if until.After(s.paused) {
			s.paused = until
		}
	}
	hook := h.onPause
	h.mu.Unlock()
	if hook != nil && !until.IsZero() {
		hook(host, until) // outside the lock: it may write to disk
	}
}

// PausedUntil is when a host's pause (Retry-After) ends; zero or past when
// it is not paused.
func (h *Hosts) PausedUntil(host string) time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.get(host).paused
}

// SetHostLimits sets one host's concurrency and minimum delay from a
// source's knobs; fixed keeps the delay from following latency (429 and
// 503 still slow the host down). Unlike SetMinDelay the delay may go below the table's
// base (down to 0, which the sources file allows only for private
// addresses or `polite: false`); robots.txt Crawl-delay can still raise it
// afterwards. parallel <= 0 keeps the host's concurrency; a new one takes
// effect once the host has nothing in flight.
func (h *Hosts) SetHostLimits(host string, parallel int, delay time.Duration, fixed bool) {
	if delay > h.max {
		delay = h.max
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.get(host)
	if parallel > 0 && parallel != cap(s.sem) && s.inflight == 0 {
		s.sem = make(chan struct{}, parallel)
	}
	if delay >= 0 {
		s.minDelay, s.delay = delay, delay
	}
	s.fixed = fixed
}

// Parallel is how many requests may be in flight to host at once.
func (h *Hosts) Parallel(host string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return cap(h.get(host).sem)
}
