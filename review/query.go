package review

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// FieldError names the query parameter or body field that was wrong.
type FieldError struct {
	Field string
	Err   error
}

// Error names the field, then what was wrong with it.
func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *FieldError) Unwrap() error { return e.Err }

// Limits of one page of results and of the query text.
const (
	defaultLimit = 20
	maxLimit     = 200
	maxQueryLen  = 1000
)

// list reads a repeatable, comma-separated parameter: ?status=new&status=escalated
// and ?status=new,escalated mean the same.
func list(v url.Values, key string) []string {
	var out []string
	for _, s := range v[key] {
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

func parseTime(field, s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	return time.Time{}, &FieldError{field, fmt.Errorf("%q is not a date (want YYYY-MM-DD or RFC 3339)", s)}
}

func parseFloat(field, s string) (*float64, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != f {
		return nil, &FieldError{field, fmt.Errorf("%q is not a number", s)}
	}
	return &f, nil
}

// facetNames are the facets a caller may ask for, in the order the queue
// shows their boxes.
func facetNames() []string {
	return []string{index.FacetStatus, index.FacetCategory, index.FacetRule, index.FacetSource, index.FacetRegion, index.FacetPlace}
}

// parseQuery turns URL query parameters into an index.Query. The parameter
// names mirror index.Query (see openapi.json).
func parseQuery(v url.Values) (index.Query, error) {
	var q index.Query
	q.Text = strings.TrimSpace(v.Get("q"))
	if len(q.Text) > maxQueryLen {
		return q, &FieldError{"q", fmt.Errorf("longer than %d bytes", maxQueryLen)}
	}
	for _, s := range list(v, "status") {
		st := netra.Status(s)
		if !st.Valid() {
			return q, &FieldError{"status", fmt.Errorf("unknown status %q (want new, confirmed, dismissed or escalated)", s)}
		}
		q.Statuses = append(q.Statuses, st)
	}
	q.Categories = list(v, "category")
	q.Rules = list(v, "rule")
	q.Sources = list(v, "source")
	q.Regions = list(v, "region")
	q.Places = list(v, "place")
	q.Stories = list(v, "story")
	q.Assignees = list(v, "assignee")
	q.Reviewers = list(v, "reviewer")
	q.IDs = list(v, "id")
	var err error
	if s := v.Get("since"); s != "" {
		if q.Since, err = parseTime("since", s); err != nil {
			return q, err
		}
	}
	if s := v.Get("until"); s != "" {
		if q.Until, err = parseTime("until", s); err != nil {
			return q, err
		}
		if len(s) == len("2006-01-02") {
			q.Until = q.Until.AddDate(0, 0, 1) // a whole day is inclusive
		}
	}
	if s := v.Get("min_score"); s != "" {
		if q.MinScore, err = parseFloat("min_score", s); err != nil {
			return q, err
		}
	}
	if s := v.Get("max_score"); s != "" {
		if q.MaxScore, err = parseFloat("max_score", s); err != nil {
			return q, err
		}
	}
	switch s := v.Get("flagged"); s {
	case "":
	case "true", "1", "yes":
		t := true
		q.Flagged = &t
	case "false", "0", "no":
		f := false
		q.Flagged = &f
	case "all", "any":
	default:
		return q, &FieldError{"flagged", fmt.Errorf("%q is not true, false or all", s)}
	}
	switch s := index.Sort(v.Get("sort")); s {
	case "", index.SortRelevance, index.SortScoreDesc, index.SortTimeDesc, index.SortTimeAsc:
		q.Sort = s
	default:
		return q, &FieldError{"sort", fmt.Errorf("unknown sort %q (want relevance, score, -time for newest first or time for oldest first)", s)}
	}
	q.Limit = defaultLimit
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxLimit {
			return q, &FieldError{"limit", fmt.Errorf("%q is not a number from 1 to %d", s, maxLimit)}
		}
		q.Limit = n
	}
	q.Cursor = v.Get("cursor")
	for _, f := range list(v, "facets") {
		if known := facetNames(); !slices.Contains(known, f) {
			return q, &FieldError{"facets", fmt.Errorf("unknown facet %q (want %s)", f, strings.Join(known, ", "))}
		}
		q.Facets = append(q.Facets, f)
	}
	q.Highlight = v.Get("highlight") == "true"
	return q, nil
}

// searchQuery parses a search request and checks that its category, rule,
// source and region values name something (an *UnknownValueError when one
// does not).
func (s *Server) searchQuery(ctx context.Context, v url.Values) (index.Query, error) {
	q, err := parseQuery(v)
	if err != nil {
		return q, err
	}
	return q, s.checkFilters(ctx, q)
}
