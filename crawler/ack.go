package crawler

import (
	"fmt"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/crawler/state"
)

// WithAcks makes an emitted item count as done only once Ack is called for
// it, not when emit returns: until then its URL stays pending in the crawl
// state, so a crash, a kill or an outage between emit and the store cannot
// lose it; the next run fetches it again. Use it when emit hands items on to
// a pipeline that acknowledges what the store acknowledged
// (pipeline.Options.Ack = Crawler.Ack).
func WithAcks() Option { return func(c *config) { c.deferFinish = true } }

// hold keeps the state entries of an emitted item until Ack.
func (c *Crawler) hold(id string, entries []state.Entry) {
	c.heldMu.Lock()
	defer c.heldMu.Unlock()
	if c.held == nil {
		c.held = map[string][]state.Entry{}
	}
	c.held[id] = append(c.held[id], entries...)
}

// release forgets an item that was never emitted.
func (c *Crawler) release(id string) {
	c.heldMu.Lock()
	defer c.heldMu.Unlock()
	delete(c.held, id)
}

// Held reports how many emitted items still wait for their Ack.
func (c *Crawler) Held() int {
	c.heldMu.Lock()
	defer c.heldMu.Unlock()
	return len(c.held)
}

// Ack marks the URLs of emitted items done in the crawl state, in one
// write: their records are stored (see WithAcks). Items this crawler did
// not emit, or already acknowledged, are ignored. It is safe to call after
// Run returned, until Close.
func (c *Crawler) Ack(items []netra.Item) error {
	var entries []state.Entry
	c.heldMu.Lock()
	for _, it := range items {
		if e, ok := c.held[it.ID]; ok {
			entries = append(entries, e...)
			delete(c.held, it.ID)
		}
	}
	c.heldMu.Unlock()
	if len(entries) == 0 {
		return nil
	}
	st, err := c.store()
	if err != nil {
		return err
	}
	if err := st.FinishAll(entries); err != nil {
		return fmt.Errorf("acknowledge %d items: %w", len(items), err)
	}
	return nil
}
