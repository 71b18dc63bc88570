// Package lease lets several `netra crawl` workers share sources: a source
// is crawled by at most one worker at a time. Each source has one lease
// document in the store; a worker takes it by creating it (create-only, so
// of two workers one wins), keeps it by renewing it before it expires (each
// renewal conditional on the version it last wrote, so a worker that lost
// its lease finds out), and gives it back when done. A worker that dies
// stops renewing; once its lease has expired the next worker takes it over,
// again conditionally, so two workers cannot both take over one expired
// lease.
//
// Expiry is judged by the clocks of the workers: keep them in sync (NTP),
// and choose a TTL well above the clock skew between machines.
package lease

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"time"
)

// Token is the version of a lease document a worker last read or wrote
// (Elasticsearch's sequence number and primary term); a conditional write
// with an old token fails.
type Token struct{ SeqNo, Term int64 }

// Doc is a lease as stored.
type Doc struct {
	Holder  string    `json:"holder"`
	Expires time.Time `json:"expires"`
	Taken   time.Time `json:"taken"`
}

// Errors of a Store and of Lease operations.
var (
	// ErrExists: Create found a lease document there.
	ErrExists = errors.New("lease document exists")
	// ErrNotFound: no lease document.
	ErrNotFound = errors.New("no lease document")
	// ErrConflict: the document changed since the token was read.
	ErrConflict = errors.New("lease document changed meanwhile")
	// ErrLost: this worker no longer holds the lease.
	ErrLost = errors.New("lease lost")
)

// Store keeps lease documents. index/elastic.Leases implements it on a
// cluster with op_type=create and if_seq_no/if_primary_term.
type Store interface {
	Create(ctx context.Context, key string, d Doc) (Token, error)
	Get(ctx context.Context, key string) (Doc, Token, error)
	Replace(ctx context.Context, key string, old Token, d Doc) (Token, error)
	Delete(ctx context.Context, key string, old Token) error
}

// HeldError says who holds a lease another worker wanted.
type HeldError struct {
	Key, Holder string
	Expires     time.Time
}

func (e *HeldError) Error() string {
	return fmt.Sprintf("lease %s is held by %s until %s", e.Key, e.Holder, e.Expires.UTC().Format(time.RFC3339))
}

// Manager takes leases for one worker.
type Manager struct {
	st     Store
	holder string
	ttl    time.Duration
	now    func() time.Time
}

// NewManager makes a manager whose leases last ttl unless renewed, held
// under the name holder. A worker that restarts under the same name (the
// crawl uses host and data directory, whose crawl state only one process
// can open) takes its own leases back at once instead of waiting out the
// TTL. An empty holder is made of the host name, process ID and a random
// part, so two workers on one machine differ.
func NewManager(st Store, ttl time.Duration, holder string) (*Manager, error) {
	if ttl <= 0 {
		return nil, errors.New("lease: ttl must be positive")
	}
	if holder == "" {
		host, _ := os.Hostname()
		b := make([]byte, 4)
		if _, err := rand.Read(b); err != nil {
			return nil, fmt.Errorf("lease: %w", err)
		}
		holder = fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(b))
	}
	return &Manager{st: st, ttl: ttl, now: time.Now, holder: holder}, nil
}

// Holder is this worker's name in lease documents.
func (m *Manager) Holder() string { return m.holder }

// Lease is a lease this worker holds.
type Lease struct {
	m     *Manager
	key   string
	token Token
	doc   Doc
}

// Acquire takes the lease of key: it creates the document, or takes over
// one that has expired. A live lease of another worker is a *HeldError.
func (m *Manager) Acquire(ctx context.Context, key string) (*Lease, error) {
	now := m.now().UTC()
	d := Doc{Holder: m.holder, Expires: now.Add(m.ttl), Taken: now}
	t, err := m.st.Create(ctx, key, d)
	if err == nil {
		return &Lease{m: m, key: key, token: t, doc: d}, nil
	}
	if !errors.Is(err, ErrExists) {
		return nil, fmt.Errorf("lease %s: %w", key, err)
	}
	cur, ct, err := m.st.Get(ctx, key)
	if errors.Is(err, ErrNotFound) {
		// Released between our create and get: try once more.
		if t, err := m.st.Create(ctx, key, d); err == nil {
			return &Lease{m: m, key: key, token: t, doc: d}, nil
		}
		return nil, &HeldError{Key: key, Holder: "another worker", Expires: now.Add(m.ttl)}
	}
	if err != nil {
		return nil, fmt.Errorf("lease %s: %w", key, err)
	}
	if cur.Holder != m.holder && !now.After(cur.Expires) {
		return nil, &HeldError{Key: key, Holder: cur.Holder, Expires: cur.Expires}
	}
	// Expired (its holder died or hung), or our own from before: take it
	// over, conditional on the version we read.
	t, err = m.st.Replace(ctx, key, ct, d)
	if errors.Is(err, ErrConflict) || errors.Is(err, ErrNotFound) {
		return nil, &HeldError{Key: key, Holder: "another worker", Expires: now.Add(m.ttl)}
	}
	if err != nil {
		return nil, fmt.Errorf("lease %s: %w", key, err)
	}
	return &Lease{m: m, key: key, token: t, doc: d}, nil
}

// Renew extends the lease by the TTL from now. ErrLost means another
// worker took it over (this one was too slow to renew): stop working on
// the source.
func (l *Lease) Renew(ctx context.Context) error {
	d := l.doc
	d.Expires = l.m.now().UTC().Add(l.m.ttl)
	t, err := l.m.st.Replace(ctx, l.key, l.token, d)
	if errors.Is(err, ErrConflict) || errors.Is(err, ErrNotFound) {
		return fmt.Errorf("lease %s: %w", l.key, ErrLost)
	}
	if err != nil {
		return fmt.Errorf("lease %s: renew: %w", l.key, err)
	}
	l.token, l.doc = t, d
	return nil
}

// Release gives the lease back, if this worker still holds it.
func (l *Lease) Release(ctx context.Context) error {
	err := l.m.st.Delete(ctx, l.key, l.token)
	if err == nil || errors.Is(err, ErrConflict) || errors.Is(err, ErrNotFound) {
		return nil
	}
	return fmt.Errorf("lease %s: release: %w", l.key, err)
}

// Expires is when the lease ends unless renewed.
func (l *Lease) Expires() time.Time { return l.doc.Expires }

// Hold renews the lease every TTL/3 until ctx ends, and calls lost (once)
// when it cannot be kept: another worker took it over, or renewing failed
// until the lease ran out. The caller stops working on the source then.
func (l *Lease) Hold(ctx context.Context, lost func(error)) {
	every := l.m.ttl / 3
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		err := l.Renew(ctx)
		if err == nil || ctx.Err() != nil {
			continue
		}
		if errors.Is(err, ErrLost) || l.m.now().After(l.doc.Expires) {
			lost(err)
			return
		}
		// A passing fault: try again at the next tick, while the lease
		// still runs.
	}
}
