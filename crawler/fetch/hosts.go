package fetch

import (
	"context"
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

	mu sync.Mutex
	m  map[string]*hostState
}

type hostState struct {
	sem      chan struct{}
	next     time.Time     // earliest start of the next request
	delay    time.Duration // current delay between starts
	minDelay time.Duration // base raised by Crawl-delay
	inflight int
}

// NewHosts makes a host table. adaptive=false keeps the delay fixed at base
// (benchmarks, politeness off).
func NewHosts(parallel int, base time.Duration, adaptive bool) *Hosts {
	if parallel < 1 {
		parallel = 1
	}
	return &Hosts{parallel: parallel, base: base, max: time.Minute, adaptive: adaptive, limit: 4096, m: map[string]*hostState{}}
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
		if s.inflight == 0 && now.After(s.next) {
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
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.get(host)
	if status == 429 || status == 503 {
		s.delay = min(max(2*s.delay, time.Second, retryAfter), h.max)
		// The pause is capped so one hostile Retry-After cannot park the
		// crawl; requests it refused have already failed as rate_limited.
		if next := time.Now().Add(min(max(retryAfter, s.delay), h.max)); next.After(s.next) {
			s.next = next
		}
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
