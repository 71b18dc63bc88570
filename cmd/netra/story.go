package main

import (
	"context"
	"fmt"
	"log/slog"
	"maps"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/story"
)

// itemEnricher returns the pipeline's Enrich step for a run that stores into
// store: places (placesEnricher), then the story of each flagged item (when
// the stored stories cannot be read, a warning, and stories among this run's
// items only). A run
// that stores nothing (store nil) gets places only: stories are for the
// queue.
func itemEnricher(ctx context.Context, store index.Store) (func(*netra.Item, netra.Verdict), error) {
	pl, err := placesEnricher()
	if err != nil || store == nil {
		return pl, err
	}
	g, err := loadStories(ctx, store)
	if err != nil {
		// Storing must not depend on searching: with Elasticsearch down the
		// records still go to the outage spool. This run's copies then
		// form stories among themselves only.
		slog.Default().Warn("stories of earlier runs not loaded; this run's items are grouped among themselves", "err", err)
		g = story.New()
	}
	st := storyEnricher(g)
	return func(it *netra.Item, v netra.Verdict) {
		pl(it, v)
		st(it, v)
	}, nil
}

// storyEnricher gives each flagged item its story id and signature in Meta
// (index.MetaStory, index.MetaStorySig): the queue shows one row per story.
// Only flagged items take part: the queue is of them, and every item in the
// Grouper costs memory in every process that stores records.
func storyEnricher(g *story.Grouper) func(*netra.Item, netra.Verdict) {
	return func(it *netra.Item, v netra.Verdict) {
		if !v.Flagged || it.ID == "" {
			return
		}
		sig := g.Signature(it.Title, it.Text)
		if sig.Empty() {
			return
		}
		text, err := sig.MarshalText()
		if err != nil {
			return // cannot happen: a Sig always encodes
		}
		meta := maps.Clone(it.Meta)
		if meta == nil {
			meta = map[string]string{}
		}
		meta[index.MetaStory] = g.Add(it.ID, sig)
		meta[index.MetaStorySig] = string(text)
		it.Meta = meta
	}
}

// storyLoadPage is how many records loadStories reads per search.
const storyLoadPage = 1000

// loadStories builds a Grouper from the stories already in store: every
// flagged record with a stored signature, oldest first, goes back into the
// story it was stored with (a split stays split), so the items of this run
// join the stories of earlier runs and other processes. It reads every
// flagged record once, which costs a few seconds per 100,000 records.
func loadStories(ctx context.Context, store index.Store) (*story.Grouper, error) {
	g := story.New()
	t := true
	q := index.Query{Flagged: &t, Sort: index.SortTimeAsc, Limit: storyLoadPage}
	for {
		res, err := store.Search(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("load stories: %w", err)
		}
		for _, m := range res.Matches {
			it := m.Record.Item
			txt := it.Meta[index.MetaStorySig]
			if txt == "" {
				continue
			}
			var sig story.Sig
			if err := sig.UnmarshalText([]byte(txt)); err != nil {
				continue // a damaged signature: the item is not a candidate
			}
			g.Restore(it.ID, index.RecordStory(m.Record), sig)
		}
		if res.NextCursor == "" {
			return g, nil
		}
		q.Cursor = res.NextCursor
	}
}
