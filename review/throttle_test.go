package review

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"testing"
	"time"
)

// fakeClock pins the throttle's time so delays are checked by reading the
// clock the server reads, never by waiting.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time      { return c.t }
func (c *fakeClock) add(d time.Duration) { c.t = c.t.Add(d) }
func setClock(f *fixture, c *fakeClock)  { f.srv.limiter.now = c.now }
func newClock() *fakeClock               { return &fakeClock{t: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)} }
func retryAfter(t *testing.T, h http.Header) int {
	t.Helper()
	n, err := strconv.Atoi(h.Get("Retry-After"))
	if err != nil {
		t.Fatalf("Retry-After %q: %v", h.Get("Retry-After"), err)
	}
	return n
}

// fromAddr sends a basic-auth GET from the local address ip (any 127.x.y.z
// reaches the loopback test server), so tests can be two different clients.
func (f *fixture) fromAddr(ip, path, user, pw string) (int, http.Header) {
	f.t.Helper()
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	c := &http.Client{Transport: &http.Transport{
		DialContext:       func(ctx context.Context, n, a string) (net.Conn, error) { return d.DialContext(ctx, n, a) },
		DisableKeepAlives: true,
	}}
	req, err := http.NewRequest("GET", f.ts.URL+path, nil)
	if err != nil {
		f.t.Fatal(err)
	}
	req.SetBasicAuth(user, pw)
	resp, err := c.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, resp.Header
}

// A stranger's wrong passwords slow the stranger, not the user: the same
// user from another address, and another user from the stranger's address,
// still log in at once.
func TestLoginThrottlePerUserAndAddress(t *testing.T) {
	f := newFixture(t, withOptions(WithLoginLimit(3, time.Hour)))
	clock := newClock()
	setClock(f, clock)
	const stranger, owner = "127.0.0.1", "127.0.0.2"
	for i := range 3 {
		if code, _ := f.fromAddr(stranger, "/api/v1/me", "admin", "tebakan-"+strconv.Itoa(i)); code != 401 {
			t.Fatalf("wrong password %d: %d, want 401", i, code)
		}
	}
	code, h := f.fromAddr(stranger, "/api/v1/me", "admin", adminPW)
	if code != http.StatusTooManyRequests {
		t.Fatalf("the stranger's address after 3 failures, right password: %d, want 429", code)
	}
	first := retryAfter(t, h)
	if code, _ := f.fromAddr(owner, "/api/v1/me", "admin", adminPW); code != 200 {
		t.Errorf("the owner from another address: %d, want 200 (a stranger must not lock a user out)", code)
	}
	if code, _ := f.fromAddr(stranger, "/api/v1/me", "rina", reviewerPW); code != 200 {
		t.Errorf("another user from the stranger's address: %d, want 200", code)
	}

	// Each further failure doubles the wait.
	prev := first
	for i := range 4 {
		clock.add(time.Duration(prev) * time.Second)
		if code, _ := f.fromAddr(stranger, "/api/v1/me", "admin", "lagi-"+strconv.Itoa(i)); code != 401 {
			t.Fatalf("wrong password after waiting %ds: %d, want 401 (the wait was over)", prev, code)
		}
		code, h := f.fromAddr(stranger, "/api/v1/me", "admin", "lagi-lagi")
		if code != http.StatusTooManyRequests {
			t.Fatalf("attempt right after failure %d: %d, want 429", 4+i, code)
		}
		if got := retryAfter(t, h); got <= prev {
			t.Errorf("after failure %d Retry-After %d, want more than the previous %d", 4+i, got, prev)
		} else {
			prev = got
		}
	}
}

// One address guessing many user names is stopped after addressFactor*max
// failures, whatever the names; other addresses are not.
func TestLoginThrottlePerAddress(t *testing.T) {
	f := newFixture(t, withOptions(WithLoginLimit(2, time.Hour)))
	setClock(f, newClock())
	for i := range addressFactor * 2 {
		if code, _ := f.fromAddr("127.0.0.1", "/api/v1/me", fmt.Sprintf("nama%d", i), "salah"); code != 401 {
			t.Fatalf("guess %d: %d, want 401", i, code)
		}
	}
	if code, _ := f.fromAddr("127.0.0.1", "/api/v1/me", "budi", viewerPW); code != http.StatusTooManyRequests {
		t.Errorf("a fresh name from the guessing address: %d, want 429", code)
	}
	if code, _ := f.fromAddr("127.0.0.3", "/api/v1/me", "budi", viewerPW); code != 200 {
		t.Errorf("the same user from another address: %d, want 200", code)
	}
}

func TestThrottleDelaysAndForgets(t *testing.T) {
	th := newThrottle(2, time.Minute)
	clock := newClock()
	th.now = clock.now
	th.fail("a", "x")
	th.fail("a", "x")
	d1, blocked := th.blocked("a", "x")
	if !blocked || d1 != throttleBase {
		t.Fatalf("after 2 failures: %v %v, want blocked for %v", d1, blocked, throttleBase)
	}
	clock.add(d1)
	if _, blocked := th.blocked("a", "x"); blocked {
		t.Fatalf("still blocked after the delay")
	}
	for range 7 { // 9 in all: under the address's limit of 10
		th.fail("a", "x")
	}
	if d, _ := th.blocked("a", "x"); d != time.Minute {
		t.Errorf("after many failures the delay is %v, want the window (%v) as the cap", d, time.Minute)
	}
	clock.add(time.Minute)
	th.succeed("a", "x")
	th.fail("a", "x")
	if _, blocked := th.blocked("a", "x"); blocked {
		t.Errorf("one failure after a success is blocked; a success must forget earlier failures")
	}
}
