package index

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
)

// StoryGroup describes the story a row of a story search stands for.
type StoryGroup struct {
	// ID is the story id (RecordStory).
	ID string `json:"id"`
	// Size is how many records of the story match the query.
	Size int `json:"size"`
	// Sources are the distinct sources of those records, most frequent
	// first.
	Sources []string `json:"sources"`
}

// storiesCursor marks cursors made by SearchStories.
const storiesCursor = "stories"

// storyScanBatch is how many records SearchStories reads per search while it
// looks for the next page's stories, per row asked for: most stories are
// one record, so twice the rows usually needs one search; each record read
// is decoded, so reading many more costs time.
const storyScanBatch = 2

// sizeChunk is how many stories one counting search covers: every backend
// returns at least this many facet values.
const sizeChunk = 50

// Searcher is the part of a Store that SearchStories needs.
type Searcher interface {
	Search(ctx context.Context, q Query) (Result, error)
}

// SearchStories runs q with one row per story instead of one per record:
// each row is the story's first record in q's order (so a story sorts where
// its best member does) with Match.Story saying how many of its records match
// q and from which sources. Total still counts records. It works on any backend through Search alone: it
// reads q's results in order and keeps the first record of each story, then
// counts the page's stories with a facet over RecordStory.
//
// The cursor is the number of stories already shown, so a later page reads
// the earlier ones again: deep pages cost more, and a story whose best member
// changed between pages can appear twice or not at all.
func SearchStories(ctx context.Context, s Searcher, q Query) (Result, error) {
	if err := q.Check(); err != nil {
		return Result{}, err
	}
	so := q.EffectiveSort()
	limit := q.EffectiveLimit()
	skip := 0
	if q.Cursor != "" {
		c, err := DecodeCursor(q.Cursor, storiesCursor, so)
		if err != nil {
			return Result{}, fmt.Errorf("search stories: %w", err)
		}
		if err := json.Unmarshal(c.After, &skip); err != nil || skip < 0 {
			return Result{}, fmt.Errorf("search stories: %w: bad position", ErrBadCursor)
		}
	}
	inner := q
	inner.Cursor = ""
	inner.Sort = so
	inner.Limit = min(MaxLimit, storyScanBatch*(limit+1)+skip)
	var out Result
	seen := map[string]bool{}
	n, more, first := 0, false, true
scan:
	for {
		res, err := s.Search(ctx, inner)
		if err != nil {
			return Result{}, fmt.Errorf("search stories: %w", err)
		}
		if first {
			out.Total, out.Facets = res.Total, res.Facets
			out.Matches = make([]Match, 0, min(limit, len(res.Matches)))
			first = false
		}
		for _, m := range res.Matches {
			id := RecordStory(m.Record)
			if seen[id] {
				continue
			}
			seen[id] = true
			n++
			if n <= skip {
				continue
			}
			if len(out.Matches) == limit {
				more = true
				break scan
			}
			out.Matches = append(out.Matches, m)
		}
		if res.NextCursor == "" {
			break
		}
		inner.Cursor, inner.Facets, inner.Highlight = res.NextCursor, nil, false
		if len(out.Matches) < limit {
			inner.Highlight = q.Highlight
		}
	}
	if more {
		after, err := json.Marshal(skip + limit)
		if err != nil {
			return Result{}, err
		}
		if out.NextCursor, err = EncodeCursor(Cursor{Backend: storiesCursor, Sort: so, After: after}); err != nil {
			return Result{}, err
		}
	}
	if err := describeStories(ctx, s, q, out.Matches); err != nil {
		return Result{}, fmt.Errorf("search stories: %w", err)
	}
	return out, nil
}

// describeStories fills Match.Story of each row: the size from a facet over
// the stories of the rows, the sources of stories of more than one record
// from a source facet over that story alone.
func describeStories(ctx context.Context, s Searcher, q Query, rows []Match) error {
	base := q
	base.Cursor, base.Highlight, base.Limit, base.Sort = "", false, 1, q.EffectiveSort()
	sizes := map[string]int{}
	for i := 0; i < len(rows); i += sizeChunk {
		ids := make([]string, 0, sizeChunk)
		for _, m := range rows[i:min(i+sizeChunk, len(rows))] {
			ids = append(ids, RecordStory(m.Record))
		}
		cq := base
		cq.Stories, cq.Facets = ids, []string{FacetStory}
		res, err := s.Search(ctx, cq)
		if err != nil {
			return err
		}
		for _, fc := range res.Facets[FacetStory] {
			sizes[fc.Value] = fc.Count
		}
	}
	for i := range rows {
		id := RecordStory(rows[i].Record)
		g := &StoryGroup{ID: id, Size: max(sizes[id], 1), Sources: []string{rows[i].Record.Item.Source}}
		if g.Size > 1 {
			cq := base
			cq.Stories, cq.Facets = []string{id}, []string{FacetSource}
			res, err := s.Search(ctx, cq)
			if err != nil {
				return err
			}
			g.Sources = g.Sources[:0]
			for _, fc := range res.Facets[FacetSource] {
				g.Sources = append(g.Sources, fc.Value)
			}
			if !slices.Contains(g.Sources, rows[i].Record.Item.Source) {
				g.Sources = append(g.Sources, rows[i].Record.Item.Source)
			}
		}
		rows[i].Story = g
	}
	return nil
}
