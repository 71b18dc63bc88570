package review

import (
	"sync"
	"time"
)

// Login throttling. A failed login counts against the pair (user name,
// client address) and against the client address alone:
//
//   - a pair gets max free failures; after that each attempt must wait a
//     delay that starts at throttleBase and doubles with every further
//     failure, up to window. A success, or window without a failure,
//     forgets the pair. Attempts made while waiting are refused without
//     checking the password and do not count.
//   - an address gets addressFactor*max failures over all user names
//     within window, then waits until the window ends: guessing many user
//     names from one address stays slow.
//
// Nothing is counted per user name alone, so failures from a stranger's
// address never delay the user logging in from elsewhere.
const (
	throttleBase  = time.Second
	addressFactor = 5
	maxThrottled  = 100000 // entries kept before expired ones are swept
)

type throttle struct {
	max    int
	window time.Duration
	now    func() time.Time

	mu    sync.Mutex
	pairs map[pairKey]*failState
	addrs map[string]*failState
}

type pairKey struct{ user, addr string }

// failState is one key's failures: n of them, the first at start (fixed
// window of an address) and the latest at last (delays of a pair).
type failState struct {
	n           int
	start, last time.Time
}

func newThrottle(max int, window time.Duration) *throttle {
	return &throttle{max: max, window: window, now: time.Now,
		pairs: map[pairKey]*failState{}, addrs: map[string]*failState{}}
}

// delay is how long a pair with n failures waits after its latest one.
func (t *throttle) delay(n int) time.Duration {
	if n < t.max {
		return 0
	}
	d := throttleBase
	for i := t.max; i < n && d < t.window; i++ {
		d *= 2
	}
	return min(d, t.window)
}

// blocked reports whether user may not try a password from addr now, and
// when it may try again.
func (t *throttle) blocked(user, addr string) (time.Duration, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	if a, ok := t.addrs[addr]; ok {
		switch {
		case now.Sub(a.start) >= t.window:
			delete(t.addrs, addr)
		case a.n >= addressFactor*t.max:
			return a.start.Add(t.window).Sub(now), true
		}
	}
	k := pairKey{user, addr}
	p, ok := t.pairs[k]
	if !ok {
		return 0, false
	}
	if now.Sub(p.last) >= t.window {
		delete(t.pairs, k)
		return 0, false
	}
	if until := p.last.Add(t.delay(p.n)); now.Before(until) {
		return until.Sub(now), true
	}
	return 0, false
}

// fail counts a wrong password for user from addr.
func (t *throttle) fail(user, addr string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	t.sweep(now)
	k := pairKey{user, addr}
	p, ok := t.pairs[k]
	if !ok || now.Sub(p.last) >= t.window {
		p = &failState{start: now}
		t.pairs[k] = p
	}
	p.n++
	p.last = now
	a, ok := t.addrs[addr]
	if !ok || now.Sub(a.start) >= t.window {
		a = &failState{start: now}
		t.addrs[addr] = a
	}
	a.n++
	a.last = now
}

// succeed forgets the failures of user from addr.
func (t *throttle) succeed(user, addr string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.pairs, pairKey{user, addr})
}

// sweep bounds memory under a flood of distinct keys by dropping expired
// entries once there are many.
func (t *throttle) sweep(now time.Time) {
	if len(t.pairs)+len(t.addrs) < maxThrottled {
		return
	}
	for k, p := range t.pairs {
		if now.Sub(p.last) >= t.window {
			delete(t.pairs, k)
		}
	}
	for k, a := range t.addrs {
		if now.Sub(a.start) >= t.window {
			delete(t.addrs, k)
		}
	}
}
