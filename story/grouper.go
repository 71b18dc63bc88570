package story

import (
	"errors"
	"fmt"
	"sync"
)

// ErrUnknown is returned for an item id the Grouper has not seen.
var ErrUnknown = errors.New("story: unknown item")

// Default settings; see the options of the same names.
const (
	// DefaultShingle is the number of words in a shingle: 3 gave the best F1
	// on the tuning half of testdata/pairs.jsonl (2 and 4 were close behind).
	DefaultShingle = 3
	// DefaultThreshold is the similarity at or above which Add groups two
	// items: 14/64 = 0.21875, the best F1 on the tuning half of
	// testdata/pairs.jsonl.
	DefaultThreshold = 14.0 / SigSize
	// DefaultRows is the number of signature values per LSH band: with 2 rows
	// (32 bands) a pair at the default threshold shares a band with
	// probability 0.79, a pair at 0.35 with probability 0.98.
	DefaultRows = 2
	// DefaultProbe is how many of the latest items of a bucket Add compares.
	DefaultProbe = 32
)

// Option configures a Grouper.
type Option func(*Grouper)

// WithShingle sets the number of consecutive words in a shingle (default
// DefaultShingle). Values below 1 are taken as 1.
func WithShingle(k int) Option {
	return func(g *Grouper) { g.shingle = max(k, 1) }
}

// WithThreshold sets the similarity (see Similar) at or above which Add puts
// an item into another item's story (default DefaultThreshold).
func WithThreshold(t float64) Option {
	return func(g *Grouper) { g.threshold = t }
}

// WithRows sets how many signature values form one LSH band (default
// DefaultRows): fewer rows find pairs of lower similarity at the cost of more
// comparisons. With r rows there are SigSize/r bands, and a pair of
// similarity s shares at least one band with probability 1-(1-s^r)^(SigSize/r).
func WithRows(r int) Option {
	return func(g *Grouper) { g.rows = min(max(r, 1), SigSize) }
}

// WithProbe sets how many of the most recent items of each matching band
// bucket Add compares with (default DefaultProbe). It bounds the work per item
// when many items share a band, such as thousands of copies of one tweet.
func WithProbe(n int) Option {
	return func(g *Grouper) { g.probe = max(n, 1) }
}

// Grouper computes signatures and groups items into stories incrementally.
// Create it with New. It is safe for concurrent use: Signature and Similar
// need no lock; Add, Split and the lookups are serialised by a mutex.
type Grouper struct {
	shingle   int
	threshold float64
	rows      int
	probe     int

	bands int // SigSize / rows

	mu    sync.RWMutex
	items []item           // in the order they were added
	byID  map[string]int32 // item id → index in items
	// heads maps an LSH bucket key to the latest item in that bucket; next
	// chains each item's band entries to the previous item in the same
	// bucket (next[i*bands+b], -1 at the end).
	heads   map[uint32]int32
	next    []int32
	stories map[string][]int32 // story id → members, oldest first
	// seen[i] == epoch marks item i as already compared during the current
	// Add, so a candidate found in several bands is compared once.
	seen  []uint32
	epoch uint32
}

// item is one added item.
type item struct {
	id    string
	story string
	sig   Sig
}

// New returns a Grouper with the given options.
func New(opts ...Option) *Grouper {
	g := &Grouper{
		shingle:   DefaultShingle,
		threshold: DefaultThreshold,
		rows:      DefaultRows,
		probe:     DefaultProbe,
		byID:      map[string]int32{},
		heads:     map[uint32]int32{},
		stories:   map[string][]int32{},
	}
	for _, o := range opts {
		o(g)
	}
	g.bands = SigSize / g.rows
	return g
}

// Threshold returns the similarity at or above which Add groups two items.
func (g *Grouper) Threshold() float64 { return g.threshold }

// Signature returns the signature of an item with the given title and text
// (either may be empty), using the Grouper's shingle size. Signatures made
// with different shingle sizes must not be compared.
func (g *Grouper) Signature(title, text string) Sig {
	return signature(title, text, g.shingle)
}

// bandKeys returns the LSH bucket key of each band of s: a 32-bit hash of the
// band's index and values (a collision only adds a candidate that Similar
// then rejects).
func (g *Grouper) bandKeys(s Sig, keys []uint32) []uint32 {
	keys = keys[:0]
	for b := 0; b+g.rows <= SigSize; b += g.rows {
		h := uint64(b) * 0x9e3779b97f4a7c15
		for _, v := range s[b : b+g.rows] {
			h = mix64(h ^ uint64(v))
		}
		keys = append(keys, uint32(h>>32))
	}
	return keys
}

// Add puts the item id with signature sig into a story and returns the
// story's id. The item joins the story of the most similar earlier item
// found through the LSH bands when their similarity reaches the threshold;
// otherwise it starts a new story whose id is id. Adding an id again returns
// its current story and ignores sig. An item with an empty signature always
// starts its own story.
func (g *Grouper) Add(id string, sig Sig) (storyID string) {
	var kbuf [SigSize]uint32
	keys := g.bandKeys(sig, kbuf[:0])
	g.mu.Lock()
	defer g.mu.Unlock()
	if i, ok := g.byID[id]; ok {
		return g.items[i].story
	}
	story := id
	if !sig.Empty() {
		best, bestSim := int32(-1), 0.0
		g.epoch++
		if g.epoch == 0 { // wrapped: forget the old marks
			clear(g.seen)
			g.epoch = 1
		}
		for b, k := range keys {
			c, ok := g.heads[k]
			for n := 0; ok && c >= 0 && n < g.probe; n++ {
				if g.seen[c] != g.epoch {
					g.seen[c] = g.epoch
					if s := Similar(sig, g.items[c].sig); s > bestSim || (s == bestSim && c < best) {
						best, bestSim = c, s
					}
				}
				c = g.next[int(c)*g.bands+b]
			}
		}
		if best >= 0 && bestSim >= g.threshold {
			story = g.items[best].story
		}
	}
	g.insert(id, story, sig, keys)
	return story
}

// insert appends item id to story and to the LSH buckets of its band keys.
// The caller holds g.mu.
func (g *Grouper) insert(id, story string, sig Sig, keys []uint32) {
	idx := int32(len(g.items))
	for _, k := range keys {
		prev := int32(-1)
		if !sig.Empty() {
			if h, ok := g.heads[k]; ok {
				prev = h
			}
			g.heads[k] = idx
		}
		g.next = append(g.next, prev)
	}
	g.items = append(g.items, item{id: id, story: story, sig: sig})
	g.seen = append(g.seen, 0)
	g.byID[id] = idx
	g.stories[story] = append(g.stories[story], idx)
}

// StoryOf returns the id of the story item id belongs to.
func (g *Grouper) StoryOf(id string) (string, bool) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	i, ok := g.byID[id]
	if !ok {
		return "", false
	}
	return g.items[i].story, true
}

// Members returns the ids of the items in story storyID, in the order they
// were added; nil for an unknown story.
func (g *Grouper) Members(storyID string) []string {
	g.mu.RLock()
	defer g.mu.RUnlock()
	m := g.stories[storyID]
	if len(m) == 0 {
		return nil
	}
	out := make([]string, len(m))
	for i, x := range m {
		out[i] = g.items[x].id
	}
	return out
}

// Len returns the number of items added.
func (g *Grouper) Len() int {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return len(g.items)
}

// Stories returns the number of stories.
func (g *Grouper) Stories() int {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return len(g.stories)
}

// Split takes item id out of its story and makes it a story of its own (with
// id as its story id). It returns the story id of the members that remain:
// unchanged, unless id was the story's first member, in which case the
// remaining members take the id of the oldest of them. When id is alone in
// its story Split changes nothing and returns id. Later items similar to the
// split item may join its new story.
func (g *Grouper) Split(id string) (rest string, err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	i, ok := g.byID[id]
	if !ok {
		return "", fmt.Errorf("split %q: %w", id, ErrUnknown)
	}
	old := g.items[i].story
	members := g.stories[old]
	if len(members) == 1 {
		return old, nil
	}
	remain := make([]int32, 0, len(members)-1)
	for _, m := range members {
		if m != i {
			remain = append(remain, m)
		}
	}
	delete(g.stories, old)
	rest = old
	if old == id {
		rest = g.items[remain[0]].id
	}
	for _, m := range remain {
		g.items[m].story = rest
	}
	g.stories[rest] = remain
	g.items[i].story = id
	g.stories[id] = []int32{i}
	return rest, nil
}

// Restore adds item id to story storyID as it was stored before, without
// comparing: a process rebuilding its Grouper from a store calls it for every
// stored item in the order they were added, so later Adds see them as
// candidates and find the stories they were given (including splits).
// Restoring an id again changes nothing.
func (g *Grouper) Restore(id, storyID string, sig Sig) {
	if storyID == "" {
		storyID = id
	}
	var kbuf [SigSize]uint32
	keys := g.bandKeys(sig, kbuf[:0])
	g.mu.Lock()
	defer g.mu.Unlock()
	if _, ok := g.byID[id]; ok {
		return
	}
	g.insert(id, storyID, sig, keys)
}

// SetStory moves item id into story storyID (a story of its own when
// storyID is id), as a split stored elsewhere did. The other members keep
// their story id.
func (g *Grouper) SetStory(id, storyID string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	i, ok := g.byID[id]
	if !ok {
		return fmt.Errorf("set story of %q: %w", id, ErrUnknown)
	}
	old := g.items[i].story
	if old == storyID {
		return nil
	}
	remain := g.stories[old][:0:0]
	for _, m := range g.stories[old] {
		if m != i {
			remain = append(remain, m)
		}
	}
	if len(remain) == 0 {
		delete(g.stories, old)
	} else {
		g.stories[old] = remain
	}
	g.items[i].story = storyID
	g.stories[storyID] = append(g.stories[storyID], i)
	return nil
}
