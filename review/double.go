package review

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/agree"
	"github.com/netra-id/netra/alert"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/review/users"
)

// collDouble is the KV collection of double-review cases, by item ID.
const collDouble = "double"

// doubleReview is the configuration and state of double review.
type doubleReview struct {
	cfg agree.Config
	kv  alert.KV
}

// WithDoubleReview sends the items cfg chooses to a second reviewer who
// does not see the first decision, and keeps the cases in kv (the store's
// alert KV).
func WithDoubleReview(cfg agree.Config, kv alert.KV) Option {
	return func(s *Server) { s.double = &doubleReview{cfg: cfg, kv: kv} }
}

// registerDouble adds the double-review routes.
func (s *Server) registerDouble(mux *http.ServeMux) {
	mux.Handle("GET /api/v1/double", s.api(users.RoleReviewer, s.apiDoubleQueue))
	mux.Handle("POST /api/v1/double/{id}", s.api(users.RoleReviewer, s.apiDoubleDecide))
	mux.Handle("GET /api/v1/adjudication", s.api(users.RoleAdmin, s.apiAdjudicationQueue))
	mux.Handle("POST /api/v1/adjudication/{id}", s.api(users.RoleAdmin, s.apiAdjudicate))
	mux.Handle("GET /api/v1/agreement", s.api(users.RoleViewer, s.apiAgreement))
}

func (s *Server) doubleOn(w http.ResponseWriter) bool {
	if s.double == nil || !s.double.cfg.Enabled() {
		writeError(w, http.StatusNotFound, "double review is not enabled on this server", nil)
		return false
	}
	return true
}

// decided is the first decision's label, "" when the record has none yet.
func decided(rec netra.Record) string {
	switch st := rec.Review.Status; st {
	case netra.StatusConfirmed, netra.StatusDismissed, netra.StatusEscalated:
		return string(st)
	}
	return ""
}

func caseCategory(rec netra.Record) string {
	if len(rec.Verdict.Categories) > 0 {
		return rec.Verdict.Categories[0]
	}
	return "none"
}

// blindItem is what a second reviewer sees: the item and the evidence,
// never the first decision (status, note, reviewer).
type blindItem struct {
	ID      string        `json:"id"`
	Item    netra.Item    `json:"item"`
	Verdict netra.Verdict `json:"verdict"`
}

func (s *Server) cases(ctx context.Context) ([]agree.Case, error) {
	var out []agree.Case
	err := s.double.kv.Scan(ctx, collDouble, "", func(_ string, val []byte) error {
		var c agree.Case
		if err := json.Unmarshal(val, &c); err != nil {
			return err
		}
		out = append(out, c)
		return nil
	})
	return out, err
}

// apiDoubleQueue lists the decided items chosen for double review that
// the caller did not decide first and nobody has second-reviewed yet.
func (s *Server) apiDoubleQueue(w http.ResponseWriter, r *http.Request, p principal) {
	if !s.doubleOn(w) {
		return
	}
	res, err := s.store.Search(r.Context(), index.Query{Statuses: []netra.Status{netra.StatusConfirmed, netra.StatusDismissed, netra.StatusEscalated},
		Sort: index.SortTimeDesc, Limit: index.MaxLimit})
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	cases, err := s.cases(r.Context())
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	done := map[string]bool{}
	for _, c := range cases {
		done[c.Item] = true
	}
	out := []blindItem{}
	for _, m := range res.Matches {
		rec := m.Record
		if done[rec.Item.ID] || rec.Review.Reviewer == p.User || !s.double.cfg.Selected(rec.Item.ID, rec.Verdict.Categories) {
			continue
		}
		out = append(out, blindItem{ID: rec.Item.ID, Item: rec.Item, Verdict: rec.Verdict})
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out})
}

// labelRequest is the body of a second decision or an adjudication.
type labelRequest struct {
	Label string `json:"label"`
}

func readLabel(w http.ResponseWriter, r *http.Request) (string, error) {
	var req labelRequest
	if err := decodeBody(w, r, &req); err != nil {
		return "", err
	}
	st := netra.Status(req.Label)
	if !slices.Contains([]netra.Status{netra.StatusConfirmed, netra.StatusDismissed, netra.StatusEscalated}, st) {
		return "", &FieldError{"label", fmt.Errorf("%q (want confirmed, dismissed or escalated)", req.Label)}
	}
	return req.Label, nil
}

// apiDoubleDecide records the caller's blind second decision; a
// disagreement goes to the adjudication queue.
func (s *Server) apiDoubleDecide(w http.ResponseWriter, r *http.Request, p principal) {
	if !s.doubleOn(w) {
		return
	}
	label, err := readLabel(w, r)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	rec, err := s.store.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	first := decided(rec)
	switch {
	case !s.double.cfg.Selected(rec.Item.ID, rec.Verdict.Categories):
		writeError(w, http.StatusConflict, "this item is not chosen for double review", nil)
		return
	case first == "":
		writeError(w, http.StatusConflict, "this item has no first decision yet", nil)
		return
	case rec.Review.Reviewer == p.User:
		writeError(w, http.StatusConflict, "you made the first decision; a second reviewer must be someone else", nil)
		return
	}
	c := agree.Case{Item: rec.Item.ID, Category: caseCategory(rec),
		First: agree.Decision{Reviewer: rec.Review.Reviewer, Label: first}, Second: agree.Decision{Reviewer: p.User, Label: label}}
	b, err := json.Marshal(c)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	ok, err := s.double.kv.PutNew(r.Context(), collDouble, c.Item, b)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	if !ok {
		writeError(w, http.StatusConflict, "this item was already second-reviewed", nil)
		return
	}
	s.log.Info("second review", "item", c.Item, "user", p.User, "agreed", !c.Disagree())
	writeJSON(w, http.StatusOK, map[string]any{"item": c.Item, "agreed": !c.Disagree(), "adjudication": c.Disagree()})
}

func (s *Server) apiAdjudicationQueue(w http.ResponseWriter, r *http.Request, p principal) {
	if !s.doubleOn(w) {
		return
	}
	cases, err := s.cases(r.Context())
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	out := []agree.Case{}
	for _, c := range cases {
		if c.Disagree() && c.Outcome == "" {
			out = append(out, c)
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"cases": out})
}

// apiAdjudicate settles a disagreement: the outcome becomes the record's
// review status (audited like any review) and counts in the agreement
// report.
func (s *Server) apiAdjudicate(w http.ResponseWriter, r *http.Request, p principal) {
	if !s.doubleOn(w) {
		return
	}
	label, err := readLabel(w, r)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	id := r.PathValue("id")
	raw, err := s.double.kv.Get(r.Context(), collDouble, id)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	var c agree.Case
	if err := json.Unmarshal(raw, &c); err != nil {
		s.storeError(w, r, err)
		return
	}
	if !c.Disagree() || c.Outcome != "" {
		writeError(w, http.StatusConflict, "this item waits for no adjudication", nil)
		return
	}
	rec, err := s.store.Get(r.Context(), id)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	st, note := netra.Status(label), fmt.Sprintf("adjudicated: %s (first %s: %s, second %s: %s)", label, c.First.Reviewer, c.First.Label, c.Second.Reviewer, c.Second.Label)
	if _, err := s.applyReview(r.Context(), id, index.ReviewUpdate{Status: &st, Note: &note, Who: p.User, BaseVersion: rec.Version}, "adjudicate"); err != nil {
		s.storeError(w, r, err)
		return
	}
	c.Outcome, c.Adjudicator = label, p.User
	b, _ := json.Marshal(c)
	if err := s.double.kv.Put(r.Context(), collDouble, id, b); err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, c)
}

func (s *Server) apiAgreement(w http.ResponseWriter, r *http.Request, p principal) {
	if !s.doubleOn(w) {
		return
	}
	cases, err := s.cases(r.Context())
	if err != nil && !errors.Is(err, netra.ErrNotFound) {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"config": s.double.cfg, "report": agree.Summarize(cases)})
}

// agreeRow is one line of the dashboard's agreement tables.
type agreeRow struct {
	Name          string
	Items, Agreed int
	Value         string // κ or a rate, "–" when undefined
}

// agreeView is the agreement section of the dashboard.
type agreeView struct {
	Cases, Disagreed, Waiting  int
	Pairs, Categories, Reviews []agreeRow
}

func fmtRatio(p *float64) string {
	if p == nil {
		return "–"
	}
	return fmt.Sprintf("%.2f", *p)
}

// agreementView is the dashboard's agreement section, nil when double
// review is off or its state cannot be read (the rest of the dashboard
// still shows).
func (s *Server) agreementView(ctx context.Context) *agreeView {
	if s.double == nil || !s.double.cfg.Enabled() {
		return nil
	}
	cases, err := s.cases(ctx)
	if err != nil {
		s.log.Warn("agreement report", "err", err)
		return nil
	}
	rep := agree.Summarize(cases)
	v := &agreeView{Cases: rep.Cases, Disagreed: rep.Disagreed, Waiting: rep.Waiting}
	for _, p := range rep.Pairs {
		v.Pairs = append(v.Pairs, agreeRow{Name: p.A + " – " + p.B, Items: p.Items, Agreed: p.Agreed, Value: fmtRatio(p.Kappa)})
	}
	for _, c := range rep.Categories {
		v.Categories = append(v.Categories, agreeRow{Name: c.Category, Items: c.Items, Agreed: c.Agreed, Value: fmtRatio(c.Kappa)})
	}
	for _, r := range rep.Reviewers {
		v.Reviews = append(v.Reviews, agreeRow{Name: r.Reviewer, Items: r.Adjudicated, Agreed: r.Agreed, Value: fmtRatio(r.Rate)})
	}
	return v
}
