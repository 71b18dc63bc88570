package lease_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/http"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/netra-id/netra/index/elastic"
	"github.com/netra-id/netra/lease"
)

// leases opens the lease store of a fresh prefix on the real cluster
// (NETRA_ES_URL) and removes it afterwards.
func leases(t *testing.T) lease.Store {
	t.Helper()
	u := os.Getenv("NETRA_ES_URL")
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("NETRA_ES_URL is empty but CI=true")
		}
		t.Skip("NETRA_ES_URL not set (scripts/elasticsearch.sh start)")
	}
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	prefix := "t-lease-" + hex.EncodeToString(b)
	s, err := elastic.Open(context.Background(), elastic.Config{URLs: []string{u}, IndexPrefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.Close()
		for _, p := range []string{"/" + prefix + "-*", "/_index_template/" + prefix + "-items", "/_index_template/" + prefix + "-audit"} {
			req, _ := http.NewRequest(http.MethodDelete, u+p, nil)
			if res, err := http.DefaultClient.Do(req); err == nil {
				res.Body.Close()
			}
		}
	})
	return s.Leases()
}

func manager(t *testing.T, st lease.Store, ttl time.Duration, now func() time.Time) *lease.Manager {
	t.Helper()
	m, err := lease.NewManager(st, ttl, "")
	if err != nil {
		t.Fatal(err)
	}
	if now != nil {
		lease.SetClock(m, now)
	}
	return m
}

// TestLeaseLifecycle: one holder at a time; a released lease is free; an
// expired one is taken over, and its old holder learns on renewal that it
// lost it.
func TestLeaseLifecycle(t *testing.T) {
	st := leases(t)
	ctx := context.Background()
	a, b := manager(t, st, time.Hour, nil), manager(t, st, time.Hour, nil)
	la, err := a.Acquire(ctx, "kompas")
	if err != nil {
		t.Fatal(err)
	}
	var held *lease.HeldError
	if _, err := b.Acquire(ctx, "kompas"); !errors.As(err, &held) || held.Holder != a.Holder() {
		t.Fatalf("b took a live lease of a: %v", err)
	}
	if _, err := b.Acquire(ctx, "detik"); err != nil {
		t.Errorf("another source's lease: %v", err)
	}
	if err := la.Renew(ctx); err != nil {
		t.Errorf("renew: %v", err)
	}
	if err := la.Release(ctx); err != nil {
		t.Fatal(err)
	}
	lb, err := b.Acquire(ctx, "kompas")
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	// b dies (stops renewing); c, two hours later, takes over.
	c := manager(t, st, time.Hour, func() time.Time { return time.Now().Add(2 * time.Hour) })
	lc, err := c.Acquire(ctx, "kompas")
	if err != nil {
		t.Fatalf("take over an expired lease: %v", err)
	}
	if err := lb.Renew(ctx); !errors.Is(err, lease.ErrLost) {
		t.Errorf("renewing a lease taken over: %v, want ErrLost", err)
	}
	if err := lb.Release(ctx); err != nil {
		t.Errorf("releasing a lost lease: %v", err)
	}
	if _, err := a.Acquire(ctx, "kompas"); !errors.As(err, &held) || held.Holder != c.Holder() {
		t.Errorf("b's release of a lost lease freed c's: %v", err)
	}
	if err := lc.Renew(ctx); err != nil {
		t.Errorf("c renews: %v", err)
	}
}

// TestLeaseRace: of many workers racing for a new lease, or for an expired
// one, exactly one wins.
func TestLeaseRace(t *testing.T) {
	st := leases(t)
	ctx := context.Background()
	race := func(key string, now func() time.Time) int {
		var wg sync.WaitGroup
		var mu sync.Mutex
		won := 0
		for range 8 {
			m := manager(t, st, time.Hour, now)
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := m.Acquire(ctx, key)
				var held *lease.HeldError
				switch {
				case err == nil:
					mu.Lock()
					won++
					mu.Unlock()
				case !errors.As(err, &held):
					t.Errorf("acquire: %v", err)
				}
			}()
		}
		wg.Wait()
		return won
	}
	if n := race("tempo", nil); n != 1 {
		t.Errorf("%d workers won a new lease, want 1", n)
	}
	if n := race("tempo", func() time.Time { return time.Now().Add(3 * time.Hour) }); n != 1 {
		t.Errorf("%d workers took over the expired lease, want 1", n)
	}
}

// TestLeaseSameHolderTakesBack: a worker restarted under the same name
// (after kill -9) takes its own unexpired lease back; others still wait.
func TestLeaseSameHolderTakesBack(t *testing.T) {
	st := leases(t)
	ctx := context.Background()
	first, err := lease.NewManager(st, time.Hour, "host1:/var/lib/netra-crawl")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := first.Acquire(ctx, "antara"); err != nil {
		t.Fatal(err)
	}
	again, _ := lease.NewManager(st, time.Hour, "host1:/var/lib/netra-crawl")
	if _, err := again.Acquire(ctx, "antara"); err != nil {
		t.Errorf("the restarted worker cannot take its own lease back: %v", err)
	}
	other := manager(t, st, time.Hour, nil)
	var held *lease.HeldError
	if _, err := other.Acquire(ctx, "antara"); !errors.As(err, &held) {
		t.Errorf("another worker took the lease: %v", err)
	}
}
