// Package state remembers, between runs, which URLs and which contents the
// crawler already took, and which discovered URLs a run had not finished
// when it was stopped, so the next run fetches only what is new and picks
// up where an interrupted one left off.
package state

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/netra-id/netra"
	bolt "go.etcd.io/bbolt"
)

// Store is the state the crawler needs. Both implementations are safe for
// concurrent use.
type Store interface {
	// Done reports whether url was finished by an earlier run (or this one).
	Done(url string) bool
	// Finish records url as finished, with the hash of its content ("" for
	// permanent failures), and drops it from the source's pending list.
	Finish(source, url, hash string) error
	// FinishAll is Finish for many URLs in one write.
	FinishAll(entries []Entry) error
	// HashSeen reports whether content with this hash was already emitted.
	HashSeen(hash string) bool
	// AddPending records discovered URLs a run still has to fetch.
	AddPending(source string, urls []string) error
	// Pending lists the URLs an earlier run discovered but did not finish.
	Pending(source string) ([]string, error)
	// PauseHost remembers that host asked to be left alone until until
	// (Retry-After), so later runs and processes honour it.
	PauseHost(host string, until time.Time) error
	// Paused lists the hosts still paused at now, with the end of each
	// pause; pauses that are over are forgotten.
	Paused(now time.Time) (map[string]time.Time, error)
	// Close releases the store; for Bolt it frees the file for the next run.
	Close() error
}

// Entry is one finished URL for FinishAll.
type Entry struct {
	Source, URL string
	Hash        string // content hash; "" for permanent failures
}

// Both implementations must keep satisfying Store: the crawler picks one at
// run time, so a missing method would otherwise surface only there.
var (
	_ Store = (*Memory)(nil)
	_ Store = (*Bolt)(nil)
)

// Memory keeps state for one process only.
type Memory struct {
	mu      sync.Mutex
	done    map[string]bool
	hashes  map[string]bool
	pending map[string]map[string]bool
	paused  map[string]time.Time
	meta    metaMem // validators and poll state (meta.go)
}

// NewMemory makes an empty in-memory store.
func NewMemory() *Memory {
	return &Memory{done: map[string]bool{}, hashes: map[string]bool{}, pending: map[string]map[string]bool{}, paused: map[string]time.Time{}}
}

// PauseHost implements Store.
func (m *Memory) PauseHost(host string, until time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if until.After(m.paused[host]) {
		m.paused[host] = until
	}
	return nil
}

// Paused implements Store.
func (m *Memory) Paused(now time.Time) (map[string]time.Time, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]time.Time{}
	for h, until := range m.paused {
		if until.After(now) {
			out[h] = until
		} else {
			delete(m.paused, h)
		}
	}
	return out, nil
}

// Done implements Store.
func (m *Memory) Done(url string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.done[url]
}

// Finish implements Store.
func (m *Memory) Finish(source, url, hash string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.done[url] = true
	if hash != "" {
		m.hashes[hash] = true
	}
	delete(m.pending[source], url)
	return nil
}

// FinishAll implements Store.
func (m *Memory) FinishAll(entries []Entry) error {
	for _, e := range entries {
		_ = m.Finish(e.Source, e.URL, e.Hash)
	}
	return nil
}

// HashSeen implements Store.
func (m *Memory) HashSeen(hash string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.hashes[hash]
}

// AddPending implements Store.
func (m *Memory) AddPending(source string, urls []string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	p := m.pending[source]
	if p == nil {
		p = map[string]bool{}
		m.pending[source] = p
	}
	for _, u := range urls {
		p[u] = true
	}
	return nil
}

// Pending implements Store.
func (m *Memory) Pending(source string) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]string, 0, len(m.pending[source]))
	for u := range m.pending[source] {
		out = append(out, u)
	}
	sort.Strings(out)
	return out, nil
}

// Close implements Store.
func (m *Memory) Close() error { return nil }

// Bolt keeps state in one bbolt file.
type Bolt struct{ db *bolt.DB }

var (
	bucketDone    = []byte("done")
	bucketHashes  = []byte("hashes")
	bucketPending = []byte("pending")
	bucketPaused  = []byte("paused")
)

// Open opens (or creates) the state file at path. Only one process may
// hold it; a second one gets an error with a hint after a short wait.
func Open(path string) (*Bolt, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 3 * time.Second})
	if err != nil {
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, netra.WithHint(fmt.Errorf("open crawl state %s: %w", path, err),
				"another netra process (crawl or serve) is using this data directory")
		}
		return nil, fmt.Errorf("open crawl state %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketDone, bucketHashes, bucketPending, bucketPaused} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("init crawl state %s: %w", path, err)
	}
	return &Bolt{db: db}, nil
}

func stamp() []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, uint64(time.Now().Unix()))
	return b
}

// pendingKey is source NUL url, so one prefix scan lists a source.
func pendingKey(source, url string) []byte {
	return []byte(source + "\x00" + url)
}

// Done implements Store.
func (s *Bolt) Done(url string) bool {
	var ok bool
	_ = s.db.View(func(tx *bolt.Tx) error {
		ok = tx.Bucket(bucketDone).Get([]byte(url)) != nil
		return nil
	})
	return ok
}

// Finish implements Store. Writes from concurrent workers are batched
// into one transaction.
func (s *Bolt) Finish(source, url, hash string) error {
	return s.FinishAll([]Entry{{Source: source, URL: url, Hash: hash}})
}

// FinishAll implements Store: one transaction (shared with concurrent
// callers) for all entries.
func (s *Bolt) FinishAll(entries []Entry) error {
	if len(entries) == 0 {
		return nil
	}
	err := s.db.Batch(func(tx *bolt.Tx) error {
		done, hashes, pending := tx.Bucket(bucketDone), tx.Bucket(bucketHashes), tx.Bucket(bucketPending)
		for _, e := range entries {
			if err := done.Put([]byte(e.URL), append(stamp(), e.Hash...)); err != nil {
				return err
			}
			if e.Hash != "" {
				if err := hashes.Put([]byte(e.Hash), []byte(e.URL)); err != nil {
					return err
				}
			}
			if err := pending.Delete(pendingKey(e.Source, e.URL)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("crawl state: finish %d urls: %w", len(entries), err)
	}
	return nil
}

// HashSeen implements Store.
func (s *Bolt) HashSeen(hash string) bool {
	var ok bool
	_ = s.db.View(func(tx *bolt.Tx) error {
		ok = tx.Bucket(bucketHashes).Get([]byte(hash)) != nil
		return nil
	})
	return ok
}

// AddPending implements Store.
func (s *Bolt) AddPending(source string, urls []string) error {
	if len(urls) == 0 {
		return nil
	}
	return s.db.Batch(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPending)
		for _, u := range urls {
			if err := b.Put(pendingKey(source, u), stamp()); err != nil {
				return err
			}
		}
		return nil
	})
}

// Pending implements Store.
func (s *Bolt) Pending(source string) ([]string, error) {
	var out []string
	prefix := []byte(source + "\x00")
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketPending).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			out = append(out, string(k[len(prefix):]))
		}
		return nil
	})
	return out, err
}

// Close implements Store.
func (s *Bolt) Close() error { return s.db.Close() }

// PauseHost implements Store.
func (s *Bolt) PauseHost(host string, until time.Time) error {
	err := s.db.Batch(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPaused)
		if old := b.Get([]byte(host)); len(old) == 8 && int64(binary.BigEndian.Uint64(old)) >= until.UnixNano() {
			return nil
		}
		v := make([]byte, 8)
		binary.BigEndian.PutUint64(v, uint64(until.UnixNano()))
		return b.Put([]byte(host), v)
	})
	if err != nil {
		return fmt.Errorf("crawl state: pause %s: %w", host, err)
	}
	return nil
}

// Paused implements Store.
func (s *Bolt) Paused(now time.Time) (map[string]time.Time, error) {
	out := map[string]time.Time{}
	var over [][]byte
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPaused).ForEach(func(k, v []byte) error {
			if len(v) != 8 {
				over = append(over, append([]byte(nil), k...))
				return nil
			}
			until := time.Unix(0, int64(binary.BigEndian.Uint64(v)))
			if until.After(now) {
				out[string(k)] = until
			} else {
				over = append(over, append([]byte(nil), k...))
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("crawl state: paused hosts: %w", err)
	}
	if len(over) > 0 {
		err = s.db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketPaused)
			for _, k := range over {
				if err := b.Delete(k); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("crawl state: forget past pauses: %w", err)
		}
	}
	return out, nil
}
