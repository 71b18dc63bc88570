package crawler

import (
	"context"
	"fmt"

	"github.com/netra-id/netra"
)

// Crawler runs sources. One Crawler may run many sources, one after the
// other or concurrently; it shares robots.txt knowledge and per-host
// throttling between them.
type Crawler struct {
	cfg config
}

// New makes a Crawler; see the With* options for the defaults.
func New(opts ...Option) *Crawler {
	c := &Crawler{cfg: defaultConfig()}
	for _, o := range opts {
		o(&c.cfg)
	}
	return c
}

// Run crawls one source and calls emit for every new item, from one
// goroutine at a time. An error from emit stops the run and is returned.
func (c *Crawler) Run(ctx context.Context, src Source, emit func(netra.Item) error) (RunStats, error) {
	return RunStats{Source: src.Name}, fmt.Errorf("crawl %s: not implemented yet", src.Name)
}
