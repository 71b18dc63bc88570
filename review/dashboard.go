package review

import (
	"context"
	"errors"
	"maps"
	"net/http"
	"net/url"
	"time"

	"github.com/netra-id/netra/index"
)

// Dashboard is the overview of one filter set (the queue's filters): how
// many items, how they spread over weeks, categories, provinces, statuses,
// reviewers (who made the last review change) and rules. Every number links to the queue that lists those items, and
// every number is the store's own count for that queue.
type Dashboard struct {
	Total int              `json:"total"`
	Weeks []DashBucket     `json:"weeks"`
	By    map[string][]Bar `json:"by"`
	From  time.Time        `json:"from"`
	Until time.Time        `json:"until"`
	// Wide is the week chart's width in its own units (20 per week).
	Wide int `json:"-"`
}

// DashBucket is one week of the period.
type DashBucket struct {
	From  time.Time `json:"from"`
	Until time.Time `json:"until"`
	Count int       `json:"count"`
	Link  string    `json:"link"`
	// Height and Y are the bar's height and top in the chart's 100-unit
	// box (its share of the tallest week); X is its left edge.
	Height, Y, X int `json:"-"`
}

// Bar is one value of a breakdown.
type Bar struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Count int    `json:"count"`
	Link  string `json:"link"`
	// Width is the bar's length in the chart's 200-unit box.
	Width int `json:"-"`
}

// dashFacets are the breakdowns, in display order.
var dashFacets = []string{index.FacetCategory, index.FacetRegion, index.FacetStatus, index.FacetReviewer, index.FacetRule}

// defaultWeeks is the period shown when the filters set none.
const defaultWeeks = 12

// dashboard computes the overview for the queue URL values rq. lang names
// the values; now ends the default period.
func (s *Server) dashboard(ctx context.Context, rq url.Values, lang string, now time.Time) (Dashboard, url.Values, error) {
	vals := queueValues(rq)
	pv := maps.Clone(vals)
	pv.Del("sort")
	pv.Set("limit", "1")
	q, err := s.searchQuery(ctx, pv)
	if err != nil {
		return Dashboard{}, vals, err
	}
	// One search gives the total, the breakdowns and, sorted newest first,
	// the newest item; when the filters end the period, the weeks too.
	q.Facets, q.Sort = dashFacets, index.SortTimeDesc
	d := Dashboard{Until: q.Until, From: q.Since, By: map[string][]Bar{}}
	var bounds []time.Time
	if !d.Until.IsZero() {
		if d.From.IsZero() || !d.From.Before(d.Until) {
			d.From = d.Until.AddDate(0, 0, -7*defaultWeeks)
		}
		bounds = weekBounds(d.From, d.Until)
		q.TimeBuckets = bounds
	}
	res, err := s.store.Search(ctx, q)
	if err != nil {
		return Dashboard{}, vals, err
	}
	d.Total = res.Total
	for _, f := range dashFacets {
		top := 0
		for _, fc := range res.Facets[f] {
			top = max(top, fc.Count)
		}
		for _, fc := range res.Facets[f] {
			lv := maps.Clone(vals)
			lv.Set(f, fc.Value)
			d.By[f] = append(d.By[f], Bar{Value: fc.Value, Label: s.catalog.label(lang, f, fc.Value), Count: fc.Count, Link: "/?" + lv.Encode(), Width: int(200 * share(fc.Count, top))})
		}
	}

	// Weeks: the filters' own period, else the twelve weeks up to the
	// newest matching item (an archive of 2019 stories is not twelve
	// empty weeks), counted by a second search.
	counts := res.TimeCounts
	if bounds == nil {
		end := now
		if len(res.Matches) > 0 {
			if t := index.ItemTime(res.Matches[0].Record); !t.IsZero() && t.Before(now) {
				end = t
			}
		}
		d.Until = end.UTC().Truncate(24 * time.Hour).Add(24 * time.Hour)
		if d.From.IsZero() || !d.From.Before(d.Until) {
			d.From = d.Until.AddDate(0, 0, -7*defaultWeeks)
		}
		bounds = weekBounds(d.From, d.Until)
		wq := q
		wq.Facets, wq.Since, wq.Until, wq.TimeBuckets, wq.Sort = nil, d.From, d.Until, bounds, index.SortScoreDesc
		wr, err := s.store.Search(ctx, wq)
		if err != nil {
			return Dashboard{}, vals, err
		}
		counts = wr.TimeCounts
	}
	top := 0
	for i := 0; i+1 < len(bounds); i++ {
		from, until := bounds[i], bounds[i+1]
		n := 0
		if i < len(counts) {
			n = counts[i]
		}
		lv := maps.Clone(vals)
		lv.Set("since", from.Format(time.DateOnly))
		lv.Set("until", until.Format(time.DateOnly))
		d.Weeks = append(d.Weeks, DashBucket{From: from, Until: until, Count: n, Link: "/?" + lv.Encode()})
		top = max(top, n)
	}
	d.Wide = 20 * len(d.Weeks)
	for i := range d.Weeks {
		d.Weeks[i].Height = int(100 * share(d.Weeks[i].Count, top))
		d.Weeks[i].Y = 100 - d.Weeks[i].Height
		d.Weeks[i].X = i * 20
	}
	return d, vals, nil
}

// weekBounds cuts [from, until) into weeks from from; the last may be
// shorter.
func weekBounds(from, until time.Time) []time.Time {
	var b []time.Time
	for t := from; t.Before(until); t = t.AddDate(0, 0, 7) {
		b = append(b, t)
	}
	return append(b, until)
}

func share(n, top int) float64 {
	if top == 0 {
		return 0
	}
	return float64(n) / float64(top)
}

// apiDashboard answers GET /api/v1/dashboard with the queue's filters.
func (s *Server) apiDashboard(w http.ResponseWriter, r *http.Request, p principal) {
	d, _, err := s.dashboard(r.Context(), r.URL.Query(), "id", time.Now())
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

// dashboardPage renders the overview with server-side SVG charts.
func (s *Server) dashboardPage(w http.ResponseWriter, r *http.Request, p principal) {
	lang := s.langOf(w, r)
	d, vals, err := s.dashboard(r.Context(), r.URL.Query(), lang, time.Now())
	var fe *FieldError
	var ue *UnknownValueError
	switch {
	case errors.As(err, &fe) || errors.As(err, &ue):
		s.requestError(w, r, p, http.StatusBadRequest, err.Error())
		return
	case err != nil:
		s.storeError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "dashboard", p, map[string]any{"D": d, "Q": vals, "Queue": "/?" + vals.Encode(), "Facets": dashFacets,
		"Agreement": s.agreementView(r.Context())})
}
