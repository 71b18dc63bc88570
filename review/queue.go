package review

import (
	"context"
	"errors"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

type facetLink struct {
	Value  string
	Count  int
	URL    string
	Active bool
}

type facetBox struct {
	Name  string
	Links []facetLink
}

type queueRow struct {
	Rec      netra.Record
	Story    *index.StoryGroup // in the story view: the story the row stands for
	Snippets [][]Segment
	Rules    []string
	Preview  string
	// Overruled marks a flag that rests on the word model alone: every
	// hit is a match a discourse cue had cancelled.
	Overruled bool
}

// tab is one of the queue's fixed views above the filters.
type tab struct {
	Key    string // message key of its name
	URL    string
	Active bool
}

// queueValues are the URL parameters the queue understands, read once so
// the filter form shows what is applied.
func queueValues(rq url.Values) url.Values {
	v := url.Values{}
	for _, k := range []string{"q", "status", "category", "rule", "source", "region", "place", "story", "stories", "since", "until", "min_score", "max_score", "assignee", "reviewer", "sort", "flagged"} {
		for _, x := range rq[k] {
			if x != "" {
				v.Add(k, x)
			}
		}
	}
	if v.Get("flagged") == "" {
		v.Set("flagged", "true") // the queue is of flagged items unless asked otherwise
	}
	return v
}

// queueQuery is the search behind a queue URL: its filters, one page of
// limit rows (the request's own limit when it has one).
func queueQuery(rq url.Values, limit string, facets, highlight bool) (url.Values, index.Query, error) {
	vals := queueValues(rq)
	pv := maps.Clone(vals)
	if c := rq.Get("cursor"); c != "" {
		pv.Set("cursor", c)
	}
	if highlight {
		pv.Set("highlight", "true")
	}
	if facets {
		pv.Set("facets", strings.Join(facetNames(), ","))
	}
	if l := rq.Get("limit"); l != "" {
		limit = l
	}
	pv.Set("limit", limit)
	q, err := parseQuery(pv)
	return vals, q, err
}

// tabs are the queue's fixed views: ASN flags, non-ASN officials, all.
func (s *Server) tabs(vals url.Values) []tab {
	nonASN := strings.Join(s.catalog.nonASNCategories(), ",")
	only := func(keys ...string) bool { // vals has no filter but flagged, sort and these
		for k := range vals {
			if k != "flagged" && k != "sort" && !slices.Contains(keys, k) {
				return false
			}
		}
		return true
	}
	flagged, cats := vals.Get("flagged"), strings.Join(list(vals, "category"), ",")
	return []tab{
		{Key: "tab_asn", URL: "/?flagged=true", Active: flagged == "true" && only()},
		{Key: "tab_non_asn", URL: "/?" + url.Values{"flagged": {"all"}, "category": {nonASN}}.Encode(), Active: flagged == "all" && cats == nonASN && only("category")},
		{Key: "tab_all", URL: "/?flagged=all", Active: flagged == "all" && only()},
	}
}

func (s *Server) queuePage(w http.ResponseWriter, r *http.Request, p principal) {
	rq := r.URL.Query()
	vals, q, err := queueQuery(rq, "50", true, true)
	var fe *FieldError
	if errors.As(err, &fe) {
		s.requestError(w, r, p, http.StatusBadRequest, err.Error())
		return
	}
	data := map[string]any{
		"Q":         vals,
		"Tabs":      s.tabs(vals),
		"ExportCSV": "/export?format=csv&" + vals.Encode(),
		"ExportJL":  "/export?format=jsonl&" + vals.Encode(),
		"SaveURL":   "/alerts?" + vals.Encode(), // "save this search" prefills the form
		"Statuses":  []netra.Status{netra.StatusNew, netra.StatusConfirmed, netra.StatusDismissed, netra.StatusEscalated},
		"Back":      queueBack(r.URL),
		// FilterNames are the filters offered as dropdowns, in this order.
		"FilterNames": filterFacets(),
	}
	data["Users"], _ = s.accounts.List()
	if tok := rq.Get("bulk"); tok != "" {
		data["Bulk"] = s.bulkReport(r.Context(), p.User, tok)
	}
	code := http.StatusOK
	err = s.checkFilters(r.Context(), q)
	var ue *UnknownValueError
	switch {
	case errors.As(err, &ue):
		// A typo is not "no results": say what was wrong and offer what is
		// there instead.
		code = http.StatusBadRequest
		data["Unknown"] = ue
		data["UnknownFix"] = fixLinks(vals, ue)
	case err != nil:
		s.log.Error("queue filters", "err", err)
		s.errorPage(w, r, p, http.StatusInternalServerError, "err_internal")
		return
	default:
		search := s.store.Search
		if storiesMode(vals, q) {
			search = func(ctx context.Context, q index.Query) (index.Result, error) {
				return index.SearchStories(ctx, s.store, q)
			}
			data["Stories"] = true
		}
		res, err := search(r.Context(), q)
		if err != nil {
			s.log.Error("queue search", "err", err)
			s.errorPage(w, r, p, http.StatusInternalServerError, "err_internal")
			return
		}
		data["Rows"] = queueRows(res)
		data["Total"] = res.Total
		data["Facets"] = facetBoxes(vals, res)
		if res.NextCursor != "" {
			nv := maps.Clone(vals)
			nv.Set("cursor", res.NextCursor)
			data["Next"] = "/?" + nv.Encode()
		}
		data["Options"] = s.dropdowns(r.Context(), q, res)
	}
	if data["Options"] == nil {
		data["Options"] = s.dropdowns(r.Context(), q, index.Result{})
	}
	s.render(w, r, code, "queue", p, data)
}

// storiesMode reports whether the queue shows one row per story: by
// default, unless stories=off or the queue lists one story's members.
func storiesMode(vals url.Values, q index.Query) bool {
	return vals.Get("stories") != "off" && len(q.Stories) == 0
}

// queueBack is the queue's own URL for links that return to it, without
// the one-off bulk report.
func queueBack(u *url.URL) string {
	q := u.Query()
	if !q.Has("bulk") {
		return u.RequestURI()
	}
	q.Del("bulk")
	c := *u
	c.RawQuery = q.Encode()
	return c.RequestURI()
}

func queueRows(res index.Result) []queueRow {
	rows := make([]queueRow, 0, len(res.Matches))
	for _, m := range res.Matches {
		row := queueRow{Rec: m.Record, Story: m.Story, Rules: hitRules(m.Record.Verdict.Hits), Overruled: m.Record.Verdict.Overruled()}
		for i, sn := range m.Snippets {
			if i == 2 {
				break
			}
			row.Snippets = append(row.Snippets, SnippetSegments(sn))
		}
		// A post has no title: its text is the link already, so only
		// articles get a preview line.
		if len(row.Snippets) == 0 && m.Record.Item.Title != "" {
			if len(m.Record.Verdict.Hits) > 0 {
				row.Preview = m.Record.Verdict.Hits[0].Sentence
			} else {
				row.Preview = m.Record.Item.Text
			}
		}
		rows = append(rows, row)
	}
	return rows
}

func facetBoxes(vals url.Values, res index.Result) []facetBox {
	var boxes []facetBox
	for _, name := range facetNames() {
		fc := res.Facets[name]
		if len(fc) == 0 {
			continue
		}
		box := facetBox{Name: name}
		for _, c := range fc {
			lv := maps.Clone(vals)
			active := slices.Contains(vals[name], c.Value)
			if active {
				lv.Del(name)
			} else {
				lv.Set(name, c.Value)
			}
			box.Links = append(box.Links, facetLink{Value: c.Value, Count: c.Count, URL: "/?" + lv.Encode(), Active: active})
		}
		boxes = append(boxes, box)
	}
	return boxes
}

// fixLinks are the allowed values of an unknown filter value, each a link
// to the same search with that value instead.
func fixLinks(vals url.Values, ue *UnknownValueError) []facetLink {
	out := make([]facetLink, 0, len(ue.Allowed))
	for _, a := range ue.Allowed {
		lv := maps.Clone(vals)
		lv.Set(ue.Field, a)
		out = append(out, facetLink{Value: a, URL: "/?" + lv.Encode()})
	}
	return out
}

// filterValues and withoutFilter read and clear one list filter of q.
func filterValues(q index.Query, f string) []string {
	switch f {
	case index.FacetCategory:
		return q.Categories
	case index.FacetRule:
		return q.Rules
	case index.FacetSource:
		return q.Sources
	case index.FacetRegion:
		return q.Regions
	case index.FacetPlace:
		return q.Places
	}
	return nil
}

func withoutFilter(q index.Query, f string) index.Query {
	switch f {
	case index.FacetCategory:
		q.Categories = nil
	case index.FacetRule:
		q.Rules = nil
	case index.FacetSource:
		q.Sources = nil
	case index.FacetRegion:
		q.Regions = nil
	case index.FacetPlace:
		q.Places = nil
	}
	return q
}

// dropdowns are the choices of the category, rule, source and region
// filters. A filter that is set is counted by a search without it, so its
// other values show what choosing them would give.
func (s *Server) dropdowns(ctx context.Context, q index.Query, res index.Result) map[string][]option {
	known, err := s.known(ctx)
	if err != nil {
		s.log.Error("filter values", "err", err)
	}
	out := map[string][]option{}
	for _, f := range filterFacets() {
		counts := res.Facets[f]
		if sel := filterValues(q, f); len(sel) > 0 && res.Facets != nil {
			qq := withoutFilter(q, f)
			qq.Limit, qq.Cursor, qq.Highlight, qq.Facets = 1, "", false, []string{f}
			if r2, err := s.store.Search(ctx, qq); err == nil {
				counts = r2.Facets[f]
			} else {
				counts = nil
			}
		}
		out[f] = filterOptions(known[f], counts, filterValues(q, f))
	}
	return out
}
