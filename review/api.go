package review

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/review/users"
)

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true) // crawled text stays inert even if someone renders the JSON as HTML
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, code int, msg string, extra map[string]any) {
	body := map[string]any{"error": msg}
	for k, v := range extra {
		body[k] = v
	}
	writeJSON(w, code, body)
}

// storeError maps store and validation errors to HTTP answers.
func (s *Server) storeError(w http.ResponseWriter, r *http.Request, err error) {
	var fe *FieldError
	var ue *UnknownValueError
	var ce *netra.ConflictError
	switch {
	case errors.As(err, &ue):
		allowed := ue.Allowed
		if allowed == nil {
			allowed = []string{}
		}
		writeError(w, http.StatusBadRequest, err.Error(), map[string]any{"field": ue.Field, "value": ue.Value, "allowed": allowed})
	case errors.As(err, &fe):
		writeError(w, http.StatusBadRequest, err.Error(), map[string]any{"field": fe.Field})
	case errors.As(err, &ce):
		writeError(w, http.StatusConflict, err.Error(), map[string]any{"current_version": ce.Current, "based_on": ce.Based})
	case errors.Is(err, netra.ErrNotFound):
		writeError(w, http.StatusNotFound, "no such item", nil)
	case errors.Is(err, context.Canceled):
		// The client went away; nothing useful to write.
	default:
		s.log.Error("request failed", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error", nil)
	}
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request, p principal) {
	q, err := s.searchQuery(r.Context(), r.URL.Query())
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	var res index.Result
	switch v := r.URL.Query().Get("stories"); v {
	case "true":
		res, err = index.SearchStories(r.Context(), s.store, q)
	case "", "false":
		res, err = s.store.Search(r.Context(), q)
	default:
		err = &FieldError{"stories", fmt.Errorf("%q is not true or false", v)}
	}
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	if res.Matches == nil {
		res.Matches = []index.Match{}
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) apiGet(w http.ResponseWriter, r *http.Request, p principal) {
	rec, err := s.store.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rec)
}

// recordAndAudit reads one record and its audit trail; on an error it has
// answered the request and ok is false.
func (s *Server) recordAndAudit(w http.ResponseWriter, r *http.Request, id string) (rec netra.Record, trail []netra.AuditEntry, ok bool) {
	rec, err := s.store.Get(r.Context(), id)
	if err == nil {
		trail, err = s.store.Audit(r.Context(), id)
	}
	if err != nil {
		s.storeError(w, r, err)
		return rec, nil, false
	}
	return rec, trail, true
}

func (s *Server) apiAudit(w http.ResponseWriter, r *http.Request, p principal) {
	id := r.PathValue("id")
	_, trail, ok := s.recordAndAudit(w, r, id)
	if !ok {
		return
	}
	if trail == nil {
		trail = []netra.AuditEntry{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"item_id": id, "entries": trail})
}

// reviewRequest is the body of POST /api/v1/items/{id}/review. Fields left
// out are not changed; Version is the record version the change is based on.
type reviewRequest struct {
	Status   *string `json:"status"`
	Note     *string `json:"note"`
	Assignee *string `json:"assignee"`
	Version  *int64  `json:"version"`
	// Reason is one of netra.DismissReasons; with a dismissal it starts
	// the note, so decisions can be counted and used as labels.
	Reason *string `json:"reason"`
}

const maxNote = 4000

// update checks a review request and turns it into an index.ReviewUpdate.
func (s *Server) update(req reviewRequest, who string, needVersion bool) (index.ReviewUpdate, string, error) {
	u := index.ReviewUpdate{Who: who}
	if req.Status == nil && req.Note == nil && req.Assignee == nil {
		return u, "", &FieldError{"status", errors.New("nothing to change: give status, note or assignee")}
	}
	action := ""
	if req.Note != nil {
		n := strings.TrimSpace(*req.Note)
		if len(n) > maxNote {
			return u, "", &FieldError{"note", fmt.Errorf("longer than %d bytes", maxNote)}
		}
		u.Note = &n
		action = "note"
	}
	if req.Assignee != nil {
		a := strings.TrimSpace(*req.Assignee)
		if a != "" {
			if _, err := s.accounts.Get(a); err != nil {
				return u, "", &FieldError{"assignee", fmt.Errorf("no user %q", a)}
			}
		}
		u.Assignee = &a
		action = "assign"
	}
	if req.Status != nil {
		st := netra.Status(*req.Status)
		if !st.Valid() {
			return u, "", &FieldError{"status", fmt.Errorf("unknown status %q (want new, confirmed, dismissed or escalated)", *req.Status)}
		}
		if req.Reason != nil && *req.Reason != "" {
			if st != netra.StatusDismissed {
				return u, "", &FieldError{"reason", errors.New("a reason goes with a dismissal only")}
			}
			if !slices.Contains(netra.DismissReasons, *req.Reason) {
				return u, "", &FieldError{"reason", fmt.Errorf("unknown reason %q (want one of %s)", *req.Reason, strings.Join(netra.DismissReasons, ", "))}
			}
			text := ""
			if u.Note != nil {
				text = *u.Note
			}
			n := netra.DismissNote(*req.Reason, text)
			u.Note = &n
		}
		if st == netra.StatusDismissed && (u.Note == nil || *u.Note == "") {
			return u, "", &FieldError{"note", errors.New("dismissing needs a reason (reason, or a note)")}
		}
		u.Status = &st
		action = string(st)
	}
	if needVersion {
		if req.Version == nil {
			return u, "", &FieldError{"version", errors.New("required: the record version this change is based on")}
		}
		u.BaseVersion = *req.Version
	}
	return u, action, nil
}

// applyReview stores one review change and records its metrics.
func (s *Server) applyReview(ctx context.Context, id string, u index.ReviewUpdate, action string) (netra.Record, error) {
	rec, err := s.store.Review(ctx, id, u)
	if errors.Is(err, netra.ErrConflict) {
		s.metrics.ReviewConflicts.Inc()
	}
	if err != nil {
		return rec, err
	}
	s.metrics.Reviews.WithLabelValues(action).Inc()
	if !rec.Indexed.IsZero() {
		s.metrics.ReviewAge.Observe(time.Since(rec.Indexed).Seconds())
	}
	s.log.Info("review", "item", id, "user", u.Who, "action", action, "version", rec.Version)
	return rec, nil
}

func decodeBody(w http.ResponseWriter, r *http.Request, v any) error {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return &FieldError{"body", fmt.Errorf("not valid JSON: %w", err)}
	}
	if _, err := dec.Token(); err != io.EOF {
		return &FieldError{"body", errors.New("trailing data after the JSON object")}
	}
	return nil
}

func (s *Server) apiReview(w http.ResponseWriter, r *http.Request, p principal) {
	var req reviewRequest
	if err := decodeBody(w, r, &req); err != nil {
		s.storeError(w, r, err)
		return
	}
	u, action, err := s.update(req, p.User, true)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	rec, err := s.applyReview(r.Context(), r.PathValue("id"), u, action)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rec)
}

// bulkRequest applies one change to many items, each based on its current
// version (the reviewer chose them from a list they just saw).
type bulkRequest struct {
	IDs      []string `json:"ids"`
	Status   *string  `json:"status"`
	Note     *string  `json:"note"`
	Assignee *string  `json:"assignee"`
}

type bulkResult struct {
	ID      string `json:"id"`
	OK      bool   `json:"ok"`
	Version int64  `json:"version,omitempty"`
	Error   string `json:"error,omitempty"`
}

const maxBulk = 500

func (s *Server) bulk(ctx context.Context, req bulkRequest, who string) ([]bulkResult, error) {
	if len(req.IDs) == 0 {
		return nil, &FieldError{"ids", errors.New("no items selected")}
	}
	if len(req.IDs) > maxBulk {
		return nil, &FieldError{"ids", fmt.Errorf("at most %d items at once", maxBulk)}
	}
	u, action, err := s.update(reviewRequest{Status: req.Status, Note: req.Note, Assignee: req.Assignee}, who, false)
	if err != nil {
		return nil, err
	}
	out := make([]bulkResult, 0, len(req.IDs))
	for _, id := range req.IDs {
		res := bulkResult{ID: id}
		rec, err := s.store.Get(ctx, id)
		if err == nil {
			u.BaseVersion = rec.Version
			rec, err = s.applyReview(ctx, id, u, action)
		}
		if err != nil {
			if ctx.Err() != nil {
				return out, ctx.Err()
			}
			res.Error = err.Error()
		} else {
			res.OK, res.Version = true, rec.Version
		}
		out = append(out, res)
	}
	return out, nil
}

func (s *Server) apiBulkReview(w http.ResponseWriter, r *http.Request, p principal) {
	var req bulkRequest
	if err := decodeBody(w, r, &req); err != nil {
		s.storeError(w, r, err)
		return
	}
	res, err := s.bulk(r.Context(), req, p.User)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"results": res})
}

func (s *Server) apiSources(w http.ResponseWriter, r *http.Request, p principal) {
	list := []SourceStatus{}
	if s.sources != nil {
		list = append(list, s.sources.Sources()...)
	}
	writeJSON(w, http.StatusOK, map[string]any{"sources": list})
}

func (s *Server) runSource(name string) (int, string) {
	if s.sources == nil {
		return http.StatusNotFound, "no sources are configured"
	}
	err := s.sources.RunNow(name)
	switch {
	case err == nil:
		return http.StatusAccepted, "started"
	case errors.Is(err, ErrUnknownSource):
		return http.StatusNotFound, err.Error()
	case errors.Is(err, ErrSourceRunning):
		return http.StatusConflict, err.Error()
	default:
		return http.StatusInternalServerError, err.Error()
	}
}

func (s *Server) apiRunSource(w http.ResponseWriter, r *http.Request, p principal) {
	code, msg := s.runSource(r.PathValue("name"))
	if code != http.StatusAccepted {
		writeError(w, code, msg, nil)
		return
	}
	s.log.Info("run now", "source", r.PathValue("name"), "user", p.User)
	writeJSON(w, code, map[string]any{"source": r.PathValue("name"), "status": msg})
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request, p principal) {
	st, err := s.store.Stats(r.Context())
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (s *Server) apiMe(w http.ResponseWriter, r *http.Request, p principal) {
	writeJSON(w, http.StatusOK, map[string]any{
		"user": p.User, "role": p.Role, "zone": users.Location(p.Zone).String(),
		"can_review": p.can(users.RoleReviewer), "is_admin": p.can(users.RoleAdmin),
	})
}

// apiOpenAPI serves the API description; it needs no login.
func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	b, err := webFS.ReadFile("web/openapi.json")
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(b)
}
