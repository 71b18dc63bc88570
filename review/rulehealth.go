package review

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// RuleHealth is how one rule fares with reviewers: how often it fired,
// what reviewers decided on the items it fired on, why they dismissed
// them, and its precision from those decisions.
type RuleHealth struct {
	Rule     string `json:"rule"`
	Title    string `json:"title"`
	Category string `json:"category"`
	Flag     bool   `json:"flags"`
	// Fired counts stored records with a hit of the rule in the period.
	Fired     int `json:"fired"`
	Confirmed int `json:"confirmed"`
	Dismissed int `json:"dismissed"`
	Escalated int `json:"escalated"`
	Open      int `json:"open"`
	// DismissedBy counts dismissals by reason (netra.DismissReasons, or
	// "unspecified").
	DismissedBy map[string]int `json:"dismissed_by"`
	// Precision is confirmed / (confirmed + dismissed); nil before any
	// decision. Recent is the same over the last 30 days of the period,
	// for the trend.
	Precision *float64 `json:"precision"`
	Recent    *float64 `json:"precision_last_30_days"`
	// LatestDismissed are the newest dismissed items, for a rule writer to
	// read.
	LatestDismissed []RuleExample `json:"latest_dismissed"`
}

// RuleExample is one item a rule fired on.
type RuleExample struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Note  string `json:"note"`
}

// maxExamples is how many dismissed examples a rule's health lists.
const maxExamples = 3

// RuleHealthReport computes every rule's health over the records whose
// item time lies in [since, until) (zero times: no bound), with the
// store's own counts, so it costs a few searches per rule.
func RuleHealthReport(ctx context.Context, st index.Store, rules []RuleInfo, since, until, now time.Time) ([]RuleHealth, error) {
	count := func(rule string, status netra.Status, from time.Time) (int, error) {
		q := index.Query{Rules: []string{rule}, Since: from, Until: until, Limit: 1}
		if status != "" {
			q.Statuses = []netra.Status{status}
		}
		res, err := st.Search(ctx, q)
		if err != nil {
			return 0, fmt.Errorf("rule health of %s: %w", rule, err)
		}
		return res.Total, nil
	}
	recentFrom := now.AddDate(0, 0, -30)
	if recentFrom.Before(since) {
		recentFrom = since
	}
	out := make([]RuleHealth, 0, len(rules))
	for _, r := range rules {
		h := RuleHealth{Rule: r.ID, Title: r.Title, Category: r.Category, Flag: r.Flag, DismissedBy: map[string]int{}}
		var err error
		for _, c := range []struct {
			n      *int
			status netra.Status
		}{{&h.Fired, ""}, {&h.Confirmed, netra.StatusConfirmed}, {&h.Escalated, netra.StatusEscalated}, {&h.Open, netra.StatusNew}} {
			if *c.n, err = count(r.ID, c.status, since); err != nil {
				return nil, err
			}
		}
		// Dismissals are read, not only counted: their reasons matter.
		q := index.Query{Rules: []string{r.ID}, Statuses: []netra.Status{netra.StatusDismissed}, Since: since, Until: until, Sort: index.SortTimeDesc, Limit: 200}
		for {
			res, err := st.Search(ctx, q)
			if err != nil {
				return nil, fmt.Errorf("rule health of %s: %w", r.ID, err)
			}
			for _, m := range res.Matches {
				h.Dismissed++
				reason := netra.DismissReasonOf(m.Record.Review.Note)
				if reason == "" {
					reason = "unspecified"
				}
				h.DismissedBy[reason]++
				if len(h.LatestDismissed) < maxExamples {
					h.LatestDismissed = append(h.LatestDismissed, RuleExample{ID: m.Record.Item.ID, Title: m.Record.Item.Title, Note: m.Record.Review.Note})
				}
			}
			if res.NextCursor == "" || len(res.Matches) == 0 {
				break
			}
			q.Cursor = res.NextCursor
		}
		h.Precision = ratioOf(h.Confirmed, h.Dismissed)
		rc, err := count(r.ID, netra.StatusConfirmed, recentFrom)
		if err != nil {
			return nil, err
		}
		rd, err := count(r.ID, netra.StatusDismissed, recentFrom)
		if err != nil {
			return nil, err
		}
		h.Recent = ratioOf(rc, rd)
		out = append(out, h)
	}
	return out, nil
}

func ratioOf(confirmed, dismissed int) *float64 {
	if confirmed+dismissed == 0 {
		return nil
	}
	p := float64(confirmed) / float64(confirmed+dismissed)
	return &p
}

// apiRules answers GET /api/v1/rules: every rule of the pack with its
// health; since and until (YYYY-MM-DD) bound the period.
func (s *Server) apiRules(w http.ResponseWriter, r *http.Request, p principal) {
	since, until, err := periodOf(r)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": err.Error(), "field": "since/until"})
		return
	}
	rep, err := RuleHealthReport(r.Context(), s.store, s.catalog.list(), since, until, time.Now())
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"rules": rep})
}

// rulesPage renders the rule-health table.
func (s *Server) rulesPage(w http.ResponseWriter, r *http.Request, p principal) {
	since, until, err := periodOf(r)
	if err != nil {
		s.requestError(w, r, p, http.StatusBadRequest, err.Error())
		return
	}
	rep, err := RuleHealthReport(r.Context(), s.store, s.catalog.list(), since, until, time.Now())
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "rules", p, map[string]any{"Rules": rep, "Reasons": netra.DismissReasons, "Since": r.URL.Query().Get("since"), "Until": r.URL.Query().Get("until")})
}

// periodOf reads the since and until query parameters, as the queue does.
func periodOf(r *http.Request) (since, until time.Time, err error) {
	if v := r.URL.Query().Get("since"); v != "" {
		if since, err = parseTime("since", v); err != nil {
			return since, until, err
		}
	}
	if v := r.URL.Query().Get("until"); v != "" {
		until, err = parseTime("until", v)
	}
	return since, until, err
}

// PrecisionText is Precision for display: two decimals, or "–".
func (h RuleHealth) PrecisionText() string { return pctText(h.Precision) }

// RecentText is Recent for display: two decimals, or "–".
func (h RuleHealth) RecentText() string { return pctText(h.Recent) }

func pctText(p *float64) string {
	if p == nil {
		return "–"
	}
	return fmt.Sprintf("%.2f", *p)
}
