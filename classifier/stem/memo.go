package stem

import (
	"hash/maphash"
	"sync"
)

const memoShards = 16

// memo is a bounded map from word to stem, split into shards so that
// concurrent callers rarely wait on one lock. A full shard is emptied rather
// than tracking recency: stems are cheap to recompute, and frequent words
// return at once.
type memo struct {
	seed     maphash.Seed
	perShard int
	shards   [memoShards]memoShard
}

type memoShard struct {
	mu sync.Mutex
	m  map[string]string
}

func newMemo(size int) *memo {
	per := size / memoShards
	if per < 1 {
		per = 1
	}
	c := &memo{seed: maphash.MakeSeed(), perShard: per}
	for i := range c.shards {
		c.shards[i].m = make(map[string]string)
	}
	return c
}

func (c *memo) shard(word string) *memoShard {
	return &c.shards[maphash.String(c.seed, word)%memoShards]
}

func (c *memo) get(word string) (string, bool) {
	sh := c.shard(word)
	sh.mu.Lock()
	r, ok := sh.m[word]
	sh.mu.Unlock()
	return r, ok
}

func (c *memo) put(word, stem string) {
	sh := c.shard(word)
	sh.mu.Lock()
	if len(sh.m) >= c.perShard {
		clear(sh.m)
	}
	sh.m[word] = stem
	sh.mu.Unlock()
}
