package state

import (
	"encoding/json"
	"fmt"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Validator is what a server said about a document the last time it sent
// it in full, to ask next time "only if it changed" (conditional GET).
type Validator struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// Poll is what the crawler learned about how often a source changes.
type Poll struct {
	Last     time.Time     `json:"last"`     // when the source was last checked
	Rate     float64       `json:"rate"`     // new entries per hour, smoothed over checks
	Interval time.Duration `json:"interval"` // the wait before the next check
	Checks   int           `json:"checks"`   // checks so far
}

// Meta keeps conditional-GET validators per URL and the adaptive polling
// state per source. Both stores implement it; it is apart from Store so
// the hot path's interface stays small.
type Meta interface {
	Validator(url string) (Validator, bool)
	SetValidator(url string, v Validator) error
	Poll(source string) (Poll, bool)
	SetPoll(source string, p Poll) error
}

var (
	_ Meta = (*Memory)(nil)
	_ Meta = (*Bolt)(nil)
)

// metaMem is Memory's part of Meta; zero value ready.
type metaMem struct {
	mu    sync.Mutex
	vals  map[string]Validator
	polls map[string]Poll
}

// Validator implements Meta.
func (m *Memory) Validator(url string) (Validator, bool) {
	m.meta.mu.Lock()
	defer m.meta.mu.Unlock()
	v, ok := m.meta.vals[url]
	return v, ok
}

// SetValidator implements Meta; an empty validator forgets the URL's.
func (m *Memory) SetValidator(url string, v Validator) error {
	m.meta.mu.Lock()
	defer m.meta.mu.Unlock()
	if m.meta.vals == nil {
		m.meta.vals = map[string]Validator{}
	}
	if v == (Validator{}) {
		delete(m.meta.vals, url)
		return nil
	}
	m.meta.vals[url] = v
	return nil
}

// Poll implements Meta.
func (m *Memory) Poll(source string) (Poll, bool) {
	m.meta.mu.Lock()
	defer m.meta.mu.Unlock()
	p, ok := m.meta.polls[source]
	return p, ok
}

// SetPoll implements Meta.
func (m *Memory) SetPoll(source string, p Poll) error {
	m.meta.mu.Lock()
	defer m.meta.mu.Unlock()
	if m.meta.polls == nil {
		m.meta.polls = map[string]Poll{}
	}
	m.meta.polls[source] = p
	return nil
}

var (
	bucketValidators = []byte("validators")
	bucketPolls      = []byte("polls")
)

// getJSON reads one JSON value from a bucket that may not exist yet
// (files written before these buckets existed).
func (s *Bolt) getJSON(bucket []byte, key string, v any) bool {
	var found bool
	_ = s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucket)
		if b == nil {
			return nil
		}
		if raw := b.Get([]byte(key)); raw != nil {
			found = json.Unmarshal(raw, v) == nil
		}
		return nil
	})
	return found
}

// putJSON writes (or with v nil deletes) one value. These writes are a few
// per source run, so they use their own transaction rather than the
// batched finish path.
func (s *Bolt) putJSON(bucket []byte, key string, v any) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucket)
		if err != nil {
			return err
		}
		if v == nil {
			return b.Delete([]byte(key))
		}
		raw, err := json.Marshal(v)
		if err != nil {
			return err
		}
		return b.Put([]byte(key), raw)
	})
}

// Validator implements Meta.
func (s *Bolt) Validator(url string) (Validator, bool) {
	var v Validator
	ok := s.getJSON(bucketValidators, url, &v)
	return v, ok
}

// SetValidator implements Meta; an empty validator forgets the URL's.
func (s *Bolt) SetValidator(url string, v Validator) error {
	var val any = v
	if v == (Validator{}) {
		val = nil
	}
	if err := s.putJSON(bucketValidators, url, val); err != nil {
		return fmt.Errorf("crawl state: validator of %s: %w", url, err)
	}
	return nil
}

// Poll implements Meta.
func (s *Bolt) Poll(source string) (Poll, bool) {
	var p Poll
	ok := s.getJSON(bucketPolls, source, &p)
	return p, ok
}

// SetPoll implements Meta.
func (s *Bolt) SetPoll(source string, p Poll) error {
	if err := s.putJSON(bucketPolls, source, p); err != nil {
		return fmt.Errorf("crawl state: poll state of %s: %w", source, err)
	}
	return nil
}
