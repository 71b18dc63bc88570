package robots

import (
	"container/list"
	"context"
	"net/url"
	"sync"
	"time"
)

// FetchFunc fetches a robots.txt URL and returns its status and body; an
// error means the server could not be reached.
type FetchFunc func(ctx context.Context, robotsURL string) (status int, body []byte, err error)

// Cache keeps parsed robots.txt per scheme+host, bounded in entries (least
// recently used go first) and in age, and fetches each host's file once
// even when many goroutines ask at the same time.
type Cache struct {
	size int
	ttl  time.Duration

	mu      sync.Mutex
	order   *list.List // of *entry, most recent first
	entries map[string]*list.Element
}

type entry struct {
	key     string
	robots  *Robots
	fetched time.Time
	ready   chan struct{}
}

// NewCache makes a cache of at most size hosts, each kept for ttl.
func NewCache(size int, ttl time.Duration) *Cache {
	if size < 1 {
		size = 1
	}
	return &Cache{size: size, ttl: ttl, order: list.New(), entries: map[string]*list.Element{}}
}

// Len is the number of hosts cached.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

// Get returns the rules for the host of rawURL, fetching them with fetch
// if needed (the caller's fetch carries its own address guard).
// Per RFC 9309: a 4xx robots.txt means everything is allowed; a 5xx or an
// unreachable server means nothing is, until the entry expires.
func (c *Cache) Get(ctx context.Context, rawURL string, fetch FetchFunc) (*Robots, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	key := u.Scheme + "://" + u.Host
	c.mu.Lock()
	if el, ok := c.entries[key]; ok {
		e := el.Value.(*entry)
		select {
		case <-e.ready:
			if time.Since(e.fetched) < c.ttl {
				c.order.MoveToFront(el)
				c.mu.Unlock()
				return e.robots, nil
			}
			c.order.Remove(el)
			delete(c.entries, key)
		default:
			c.mu.Unlock()
			select {
			case <-e.ready:
				return e.robots, nil
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
	}
	e := &entry{key: key, ready: make(chan struct{})}
	c.entries[key] = c.order.PushFront(e)
	for len(c.entries) > c.size {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.entries, last.Value.(*entry).key)
	}
	c.mu.Unlock()

	status, body, err := fetch(ctx, key+"/robots.txt")
	switch {
	case ctx.Err() != nil:
		// The caller gave up: do not remember an answer we did not get.
		c.mu.Lock()
		if el, ok := c.entries[key]; ok && el.Value.(*entry) == e {
			c.order.Remove(el)
			delete(c.entries, key)
		}
		c.mu.Unlock()
		e.robots = DisallowAll()
		close(e.ready)
		return nil, ctx.Err()
	case err != nil || status >= 500 || status == 429:
		e.robots = DisallowAll()
		e.robots.cause = err
	case status >= 400:
		e.robots = AllowAll()
	case status >= 200 && status < 300:
		e.robots = Parse(body)
	default:
		e.robots = AllowAll()
	}
	e.fetched = time.Now()
	close(e.ready)
	return e.robots, nil
}

// Unreachable reports whether r is the answer for an unreachable server.
func (r *Robots) Unreachable() bool { return r.none }

// Cause is the error that made robots.txt unreachable, if any.
func (r *Robots) Cause() error { return r.cause }
