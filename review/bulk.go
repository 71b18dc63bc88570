package review

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/netra-id/netra"
)

// Bulk results wait here between the POST that made them and the queue page
// that shows them (post/redirect/get), for their user only.
const (
	bulkKeep    = 15 * time.Minute
	bulkStashed = 1000
)

type bulkStash struct {
	mu sync.Mutex
	m  map[string]stashedBulk
}

type stashedBulk struct {
	user    string
	at      time.Time
	action  string
	results []bulkResult
}

func (b *bulkStash) put(e stashedBulk) string {
	var raw [16]byte
	_, _ = rand.Read(raw[:])
	tok := hex.EncodeToString(raw[:])
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.m == nil {
		b.m = map[string]stashedBulk{}
	}
	if len(b.m) >= bulkStashed {
		for k, v := range b.m {
			if time.Since(v.at) >= bulkKeep {
				delete(b.m, k)
			}
		}
		for k := range b.m { // still full: drop any
			if len(b.m) < bulkStashed {
				break
			}
			delete(b.m, k)
		}
	}
	b.m[tok] = e
	return tok
}

func (b *bulkStash) get(user, tok string) (stashedBulk, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	e, ok := b.m[tok]
	if !ok || e.user != user || time.Since(e.at) >= bulkKeep {
		return stashedBulk{}, false
	}
	return e, true
}

// bulkLine is one item of a bulk report.
type bulkLine struct {
	ID, Title string
	OK        bool
	Version   int64
	Problem   string // a message key, or the error text when there is none
}

// bulkView is the report the queue shows after a bulk action.
type bulkView struct {
	Action     string
	OK, Failed int
	Lines      []bulkLine
}

// bulkReport reads a stashed bulk result back for the queue page.
func (s *Server) bulkReport(ctx context.Context, user, tok string) *bulkView {
	e, ok := s.bulkResults.get(user, tok)
	if !ok {
		return nil
	}
	v := &bulkView{Action: e.action}
	for _, r := range e.results {
		l := bulkLine{ID: r.ID, OK: r.OK, Version: r.Version, Title: r.ID}
		if rec, err := s.store.Get(ctx, r.ID); err == nil {
			l.Title = rec.Item.Title
			if l.Title == "" {
				l.Title = rec.Item.Text
			}
		}
		if r.OK {
			v.OK++
		} else {
			v.Failed++
			l.Problem = r.Error
			switch {
			case strings.Contains(r.Error, netra.ErrConflict.Error()):
				l.Problem = "bulk_conflict"
			case strings.Contains(r.Error, netra.ErrNotFound.Error()):
				l.Problem = "err_not_found"
			}
		}
		v.Lines = append(v.Lines, l)
	}
	return v
}

// bulkReview handles the queue's bulk form. Acting on every row ("select
// all") first shows what would change and asks; the results, item by item,
// are shown on the queue the reviewer came from.
func (s *Server) bulkReview(w http.ResponseWriter, r *http.Request, p principal) {
	ids, err := s.withStories(r.Context(), r.PostForm["ids"], r.PostForm["stories"])
	if err != nil {
		s.requestError(w, r, p, http.StatusBadRequest, err.Error())
		return
	}
	req := bulkRequest{IDs: ids}
	a := r.PostFormValue("action")
	switch a {
	case "confirmed", "dismissed", "escalated", "new":
		req.Status = &a
	case "assign":
		as := r.PostFormValue("assignee")
		req.Assignee = &as
	default:
		s.requestError(w, r, p, http.StatusBadRequest, tr(s.langOf(w, r), "bulk_choose_action"))
		return
	}
	if n := r.PostFormValue("note"); n != "" {
		req.Note = &n
	}
	back := localNext(r.PostFormValue("back"))
	if r.PostFormValue("all") == "1" && r.PostFormValue("confirm") != "1" {
		if _, _, err := s.update(reviewRequest{Status: req.Status, Note: req.Note, Assignee: req.Assignee}, p.User, false); err != nil {
			s.requestError(w, r, p, http.StatusBadRequest, err.Error())
			return
		}
		if len(req.IDs) == 0 {
			s.requestError(w, r, p, http.StatusBadRequest, "ids: no items selected")
			return
		}
		s.render(w, r, http.StatusOK, "bulk", p, map[string]any{
			"IDs": req.IDs, "Action": a, "Assignee": r.PostFormValue("assignee"),
			"Note": r.PostFormValue("note"), "Back": back,
		})
		return
	}
	res, err := s.bulk(r.Context(), req, p.User)
	var fe *FieldError
	switch {
	case errors.As(err, &fe):
		s.requestError(w, r, p, http.StatusBadRequest, err.Error())
		return
	case err != nil:
		s.log.Error("bulk review", "err", err)
		s.errorPage(w, r, p, http.StatusInternalServerError, "err_internal")
		return
	}
	ok := 0
	for _, x := range res {
		if x.OK {
			ok++
		}
	}
	s.log.Info("bulk review", "user", p.User, "ok", ok, "failed", len(res)-ok)
	tok := s.bulkResults.put(stashedBulk{user: p.User, at: time.Now(), action: a, results: res})
	u, _ := url.Parse(back)
	qv := u.Query()
	qv.Set("bulk", tok)
	u.RawQuery = qv.Encode()
	http.Redirect(w, r, u.String(), http.StatusSeeOther)
}
