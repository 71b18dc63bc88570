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
	mux.Handle("GET /double", s.ui(users.RoleReviewer, s.doublePage))
	mux.Handle("POST /double/{id}", s.ui(users.RoleReviewer, s.doubleSubmit))
	mux.Handle("GET /adjudication", s.ui(users.RoleAdmin, s.adjudicationPage))
	mux.Handle("POST /adjudication/{id}", s.ui(users.RoleAdmin, s.adjudicationSubmit))
}

// labels a second reviewer or an admin chooses from.
func labels() []netra.Status {
	return []netra.Status{netra.StatusConfirmed, netra.StatusDismissed, netra.StatusEscalated}
}

func (s *Server) renderDouble(w http.ResponseWriter, r *http.Request, p principal, adjudication bool, code int, msg string) {
	if s.double == nil || !s.double.cfg.Enabled() {
		s.errorPage(w, r, p, http.StatusNotFound, "err_not_found")
		return
	}
	data := map[string]any{"Adjudication": adjudication, "Labels": labels(), "Error": msg}
	var err error
	if adjudication {
		data["Cases"], err = s.waiting(r.Context())
	} else {
		data["Items"], err = s.secondQueue(r.Context(), p.User)
	}
	if err != nil {
		s.errorPage(w, r, p, http.StatusInternalServerError, "err_internal")
		return
	}
	s.render(w, r, code, "double", p, data)
}

func (s *Server) doublePage(w http.ResponseWriter, r *http.Request, p principal) {
	s.renderDouble(w, r, p, false, http.StatusOK, "")
}

func (s *Server) adjudicationPage(w http.ResponseWriter, r *http.Request, p principal) {
	s.renderDouble(w, r, p, true, http.StatusOK, "")
}

// formLabel is the label a page form posted, checked as the API checks it.
func formLabel(r *http.Request) (string, error) {
	l := r.PostFormValue("label")
	if !slices.Contains(labels(), netra.Status(l)) {
		return "", fmt.Errorf("label %q: want confirmed, dismissed or escalated", l)
	}
	return l, nil
}

func (s *Server) doubleSubmit(w http.ResponseWriter, r *http.Request, p principal) {
	s.submitLabel(w, r, p, false, s.decideSecond)
}

func (s *Server) adjudicationSubmit(w http.ResponseWriter, r *http.Request, p principal) {
	s.submitLabel(w, r, p, true, s.adjudicate)
}

// submitLabel applies a form's label with decide (a second review, or an
// adjudication) and returns to the page it came from.
func (s *Server) submitLabel(w http.ResponseWriter, r *http.Request, p principal, adjudication bool,
	decide func(ctx context.Context, user, id, label string) (agree.Case, error)) {
	if s.double == nil || !s.double.cfg.Enabled() {
		s.errorPage(w, r, p, http.StatusNotFound, "err_not_found")
		return
	}
	label, err := formLabel(r)
	if err == nil {
		_, err = decide(r.Context(), p.User, r.PathValue("id"), label)
	}
	if err != nil {
		s.renderDouble(w, r, p, adjudication, http.StatusConflict, err.Error())
		return
	}
	page := "/double"
	if adjudication {
		page = "/adjudication"
	}
	http.Redirect(w, r, page, http.StatusSeeOther)
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

// secondQueue lists the decided items chosen for double review that user
// did not decide first and nobody has second-reviewed yet.
func (s *Server) secondQueue(ctx context.Context, user string) ([]blindItem, error) {
	res, err := s.store.Search(ctx, index.Query{Statuses: []netra.Status{netra.StatusConfirmed, netra.StatusDismissed, netra.StatusEscalated},
		Sort: index.SortTimeDesc, Limit: index.MaxLimit})
	if err != nil {
		return nil, err
	}
	cases, err := s.cases(ctx)
	if err != nil {
		return nil, err
	}
	done := map[string]bool{}
	for _, c := range cases {
		done[c.Item] = true
	}
	out := []blindItem{}
	for _, m := range res.Matches {
		rec := m.Record
		if done[rec.Item.ID] || rec.Review.Reviewer == user || !s.double.cfg.Selected(rec.Item.ID, rec.Verdict.Categories) {
			continue
		}
		out = append(out, blindItem{ID: rec.Item.ID, Item: rec.Item, Verdict: rec.Verdict})
	}
	return out, nil
}

func (s *Server) apiDoubleQueue(w http.ResponseWriter, r *http.Request, p principal) {
	if !s.doubleOn(w) {
		return
	}
	out, err := s.secondQueue(r.Context(), p.User)
	if err != nil {
		s.storeError(w, r, err)
		return
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

// conflictError is a request the state does not allow (HTTP 409).
type conflictError struct{ msg string }

func (e *conflictError) Error() string { return e.msg }

// decideSecond records user's blind second decision on item id; a
// disagreement goes to the adjudication queue.
func (s *Server) decideSecond(ctx context.Context, user, id, label string) (agree.Case, error) {
	rec, err := s.store.Get(ctx, id)
	if err != nil {
		return agree.Case{}, err
	}
	first := decided(rec)
	switch {
	case !s.double.cfg.Selected(rec.Item.ID, rec.Verdict.Categories):
		return agree.Case{}, &conflictError{"this item is not chosen for double review"}
	case first == "":
		return agree.Case{}, &conflictError{"this item has no first decision yet"}
	case rec.Review.Reviewer == user:
		return agree.Case{}, &conflictError{"you made the first decision; a second reviewer must be someone else"}
	}
	c := agree.Case{Item: rec.Item.ID, Category: caseCategory(rec),
		First: agree.Decision{Reviewer: rec.Review.Reviewer, Label: first}, Second: agree.Decision{Reviewer: user, Label: label}}
	b, err := json.Marshal(c)
	if err != nil {
		return agree.Case{}, err
	}
	ok, err := s.double.kv.PutNew(ctx, collDouble, c.Item, b)
	if err != nil {
		return agree.Case{}, err
	}
	if !ok {
		return agree.Case{}, &conflictError{"this item was already second-reviewed"}
	}
	s.log.Info("second review", "item", c.Item, "user", user, "agreed", !c.Disagree())
	return c, nil
}

// doubleError answers conflicts with 409, the rest as store errors.
func (s *Server) doubleError(w http.ResponseWriter, r *http.Request, err error) {
	var ce *conflictError
	if errors.As(err, &ce) {
		writeError(w, http.StatusConflict, ce.msg, nil)
		return
	}
	s.storeError(w, r, err)
}

func (s *Server) apiDoubleDecide(w http.ResponseWriter, r *http.Request, p principal) {
	s.apiLabel(w, r, p, s.decideSecond, func(c agree.Case) any {
		return map[string]any{"item": c.Item, "agreed": !c.Disagree(), "adjudication": c.Disagree()}
	})
}

// apiLabel applies a request's label with decide (a second review, or an
// adjudication) and answers with reply's view of the case.
func (s *Server) apiLabel(w http.ResponseWriter, r *http.Request, p principal,
	decide func(ctx context.Context, user, id, label string) (agree.Case, error), reply func(agree.Case) any) {
	if !s.doubleOn(w) {
		return
	}
	label, err := readLabel(w, r)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	c, err := decide(r.Context(), p.User, r.PathValue("id"), label)
	if err != nil {
		s.doubleError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, reply(c))
}

// waiting lists the disagreements no admin has settled yet.
func (s *Server) waiting(ctx context.Context) ([]agree.Case, error) {
	cases, err := s.cases(ctx)
	if err != nil {
		return nil, err
	}
	out := []agree.Case{}
	for _, c := range cases {
		if c.Disagree() && c.Outcome == "" {
			out = append(out, c)
		}
	}
	return out, nil
}

func (s *Server) apiAdjudicationQueue(w http.ResponseWriter, r *http.Request, p principal) {
	if !s.doubleOn(w) {
		return
	}
	out, err := s.waiting(r.Context())
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"cases": out})
}

// adjudicate settles a disagreement: the outcome becomes the record's
// review status (audited like any review) and counts in the agreement
// report.
func (s *Server) adjudicate(ctx context.Context, admin, id, label string) (agree.Case, error) {
	raw, err := s.double.kv.Get(ctx, collDouble, id)
	if err != nil {
		return agree.Case{}, err
	}
	var c agree.Case
	if err := json.Unmarshal(raw, &c); err != nil {
		return agree.Case{}, err
	}
	if !c.Disagree() || c.Outcome != "" {
		return agree.Case{}, &conflictError{"this item waits for no adjudication"}
	}
	rec, err := s.store.Get(ctx, id)
	if err != nil {
		return agree.Case{}, err
	}
	st, note := netra.Status(label), fmt.Sprintf("adjudicated: %s (first %s: %s, second %s: %s)", label, c.First.Reviewer, c.First.Label, c.Second.Reviewer, c.Second.Label)
	if _, err := s.applyReview(ctx, id, index.ReviewUpdate{Status: &st, Note: &note, Who: admin, BaseVersion: rec.Version}, "adjudicate"); err != nil {
		return agree.Case{}, err
	}
	c.Outcome, c.Adjudicator = label, admin
	b, err := json.Marshal(c)
	if err != nil {
		return agree.Case{}, err
	}
	return c, s.double.kv.Put(ctx, collDouble, id, b)
}

func (s *Server) apiAdjudicate(w http.ResponseWriter, r *http.Request, p principal) {
	s.apiLabel(w, r, p, s.adjudicate, func(c agree.Case) any { return c })
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
