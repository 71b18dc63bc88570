package review

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// storyMembers returns the ids of every record of the given stories (all of
// them, flagged or not, whatever the queue's filter), oldest first, at most
// maxBulk: reviewing a story reviews its members.
func (s *Server) storyMembers(ctx context.Context, stories []string) ([]string, error) {
	if len(stories) == 0 {
		return nil, nil
	}
	if len(stories) > maxBulk {
		return nil, &FieldError{"stories", fmt.Errorf("at most %d stories at once", maxBulk)}
	}
	q := index.Query{Stories: stories, Sort: index.SortTimeAsc, Limit: index.MaxLimit}
	var ids []string
	for {
		res, err := s.store.Search(ctx, q)
		if err != nil {
			return nil, err
		}
		for _, m := range res.Matches {
			ids = append(ids, m.Record.Item.ID)
		}
		if len(ids) > maxBulk {
			return nil, &FieldError{"stories", fmt.Errorf("%d items, at most %d at once", res.Total, maxBulk)}
		}
		if res.NextCursor == "" {
			return ids, nil
		}
		q.Cursor = res.NextCursor
	}
}

// withStories adds the members of stories to ids, without repeats.
func (s *Server) withStories(ctx context.Context, ids, stories []string) ([]string, error) {
	members, err := s.storyMembers(ctx, stories)
	if err != nil {
		return nil, err
	}
	out := slices.Clone(ids)
	for _, id := range members {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// storyReviewRequest is the body of POST /api/v1/stories/{id}/review.
type storyReviewRequest struct {
	Status   *string `json:"status"`
	Note     *string `json:"note"`
	Assignee *string `json:"assignee"`
	Reason   *string `json:"reason"`
}

// apiStoryReview reviews every member of a story: each member gets its own
// review change and audit entry, based on its own current version; a member
// changed meanwhile by someone else is reported as a conflict and left as it
// is, while the others are changed.
func (s *Server) apiStoryReview(w http.ResponseWriter, r *http.Request, p principal) {
	var req storyReviewRequest
	if err := decodeBody(w, r, &req); err != nil {
		s.storeError(w, r, err)
		return
	}
	id := r.PathValue("id")
	ids, err := s.storyMembers(r.Context(), []string{id})
	if err == nil && len(ids) == 0 {
		err = fmt.Errorf("story %q: %w", id, netra.ErrNotFound)
	}
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	note := req.Note
	if req.Reason != nil {
		// The same check and note as one item's review.
		u, _, err := s.update(reviewRequest{Status: req.Status, Note: req.Note, Assignee: req.Assignee, Reason: req.Reason}, p.User, false)
		if err != nil {
			s.storeError(w, r, err)
			return
		}
		note = u.Note
	}
	res, err := s.bulk(r.Context(), bulkRequest{IDs: ids, Status: req.Status, Note: note, Assignee: req.Assignee}, p.User)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"story": id, "results": res})
}

// splitResult is the answer to a split.
type splitResult struct {
	ID      string `json:"id"`
	Story   string `json:"story"`   // the item's story now
	From    string `json:"from"`    // the story it left
	Version int64  `json:"version"` // the item's record version after the split
}

// splitStory takes item id out of its story into a story of its own: the
// item's own id, or, when the story already carries that id (the item
// founded it), the id with "~split" added, so the other members keep theirs
// and only this record changes. A process that loads stories from the store
// keeps the split; later copies of the item may join its new story.
func (s *Server) splitStory(ctx context.Context, id string) (splitResult, error) {
	rec, err := s.store.Get(ctx, id)
	if err != nil {
		return splitResult{}, err
	}
	from := index.RecordStory(rec)
	out := splitResult{ID: id, Story: from, From: from, Version: rec.Version}
	res, err := s.store.Search(ctx, index.Query{Stories: []string{from}, Limit: 1})
	if err != nil {
		return out, err
	}
	if res.Total <= 1 {
		return out, nil // alone already
	}
	to := id
	if from == id {
		to = id + "~split"
	}
	meta := maps.Clone(rec.Item.Meta)
	if meta == nil {
		meta = map[string]string{}
	}
	meta[index.MetaStory] = to
	rec.Item.Meta = meta
	if err := s.store.Upsert(ctx, []netra.Record{rec}); err != nil {
		return out, err
	}
	if err := index.Refresh(ctx, s.store); err != nil {
		return out, err
	}
	got, err := s.store.Get(ctx, id)
	if err != nil {
		return out, err
	}
	out.Story, out.Version = index.RecordStory(got), got.Version
	return out, nil
}

func (s *Server) apiSplit(w http.ResponseWriter, r *http.Request, p principal) {
	res, err := s.splitStory(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	s.log.Info("story split", "user", p.User, "item", res.ID, "from", res.From, "to", res.Story)
	writeJSON(w, http.StatusOK, res)
}

// uiSplit is the split button of a story's member list.
func (s *Server) uiSplit(w http.ResponseWriter, r *http.Request, p principal) {
	res, err := s.splitStory(r.Context(), r.PathValue("id"))
	switch {
	case errors.Is(err, netra.ErrNotFound):
		s.errorPage(w, r, p, http.StatusNotFound, "err_not_found")
		return
	case err != nil:
		s.log.Error("story split", "err", err)
		s.errorPage(w, r, p, http.StatusInternalServerError, "err_internal")
		return
	}
	s.log.Info("story split", "user", p.User, "item", res.ID, "from", res.From, "to", res.Story)
	http.Redirect(w, r, localNext(r.PostFormValue("back")), http.StatusSeeOther)
}
