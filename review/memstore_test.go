package review

// memStore is a small in-memory index.Store used only until the embedded
// bleve store lands; the tests switch to index/bleve then.

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

type memStore struct {
	mu    sync.Mutex
	recs  map[string]netra.Record
	audit map[string][]netra.AuditEntry
}

func newMemStore() *memStore {
	return &memStore{recs: map[string]netra.Record{}, audit: map[string][]netra.AuditEntry{}}
}

func (m *memStore) Upsert(ctx context.Context, recs []netra.Record) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, r := range recs {
		old, ok := m.recs[r.Item.ID]
		if ok {
			r.Review = old.Review
			r.Version = old.Version + 1
		} else {
			r.Version = 1
			if r.Review.Status == "" {
				r.Review.Status = netra.StatusNew
			}
		}
		r.Indexed = time.Now()
		m.recs[r.Item.ID] = r
	}
	return nil
}

func (m *memStore) Get(ctx context.Context, id string) (netra.Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.recs[id]
	if !ok {
		return r, fmt.Errorf("%s: %w", id, netra.ErrNotFound)
	}
	return r, nil
}

func (m *memStore) match(r netra.Record, q index.Query) bool {
	if q.Text != "" {
		t := strings.ToLower(r.Item.Title + " " + r.Item.Text)
		for _, w := range strings.Fields(strings.ToLower(q.Text)) {
			if !strings.Contains(t, strings.Trim(w, "*\"")) {
				return false
			}
		}
	}
	if q.Flagged != nil && r.Verdict.Flagged != *q.Flagged {
		return false
	}
	if q.MinScore != nil && r.Verdict.Score < *q.MinScore || q.MaxScore != nil && r.Verdict.Score > *q.MaxScore {
		return false
	}
	anyOf := func(want []string, have ...string) bool {
		if len(want) == 0 {
			return true
		}
		for _, h := range have {
			if slices.Contains(want, h) {
				return true
			}
		}
		return false
	}
	var rules []string
	for _, h := range r.Verdict.Hits {
		rules = append(rules, h.Rule)
	}
	var sts []string
	for _, s := range q.Statuses {
		sts = append(sts, string(s))
	}
	return anyOf(q.Categories, r.Verdict.Categories...) && anyOf(q.Rules, rules...) &&
		anyOf(q.Sources, r.Item.Source) && anyOf(q.Regions, r.Item.Region) && anyOf(sts, string(r.Review.Status)) &&
		anyOf(q.Assignees, r.Review.Assignee) && anyOf(q.IDs, r.Item.ID) &&
		(q.Since.IsZero() || !itemTime(r).Before(q.Since)) && (q.Until.IsZero() || itemTime(r).Before(q.Until))
}

func (m *memStore) Search(ctx context.Context, q index.Query) (index.Result, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var all []netra.Record
	for _, r := range m.recs {
		if m.match(r, q) {
			all = append(all, r)
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if q.Sort == index.SortScoreDesc && all[i].Verdict.Score != all[j].Verdict.Score {
			return all[i].Verdict.Score > all[j].Verdict.Score
		}
		ti, tj := itemTime(all[i]), itemTime(all[j])
		if !ti.Equal(tj) {
			if q.Sort == index.SortTimeAsc {
				return ti.Before(tj)
			}
			return ti.After(tj)
		}
		return all[i].Item.ID < all[j].Item.ID
	})
	res := index.Result{Total: len(all), Facets: map[string][]index.FacetCount{}}
	for _, f := range q.Facets {
		c := map[string]int{}
		for _, r := range all {
			switch f {
			case index.FacetStatus:
				c[string(r.Review.Status)]++
			case index.FacetSource:
				c[r.Item.Source]++
			case index.FacetRegion:
				if r.Item.Region != "" {
					c[r.Item.Region]++
				}
			case index.FacetCategory:
				for _, x := range r.Verdict.Categories {
					c[x]++
				}
			case index.FacetRule:
				seen := map[string]bool{}
				for _, h := range r.Verdict.Hits {
					if !seen[h.Rule] {
						seen[h.Rule] = true
						c[h.Rule]++
					}
				}
			}
		}
		for k, n := range c {
			res.Facets[f] = append(res.Facets[f], index.FacetCount{Value: k, Count: n})
		}
		sort.Slice(res.Facets[f], func(i, j int) bool { return res.Facets[f][i].Count > res.Facets[f][j].Count })
	}
	off, _ := strconv.Atoi(q.Cursor)
	lim := q.Limit
	if lim <= 0 {
		lim = 20
	}
	for i := off; i < len(all) && i < off+lim; i++ {
		mt := index.Match{Record: all[i]}
		if q.Highlight && q.Text != "" {
			w := strings.Fields(q.Text)[0]
			if k := strings.Index(strings.ToLower(all[i].Item.Text), strings.ToLower(w)); k >= 0 {
				mt.Snippets = []string{all[i].Item.Text[:k] + index.HighlightPre + all[i].Item.Text[k:k+len(w)] + index.HighlightPost + all[i].Item.Text[k+len(w):]}
			}
		}
		res.Matches = append(res.Matches, mt)
	}
	if off+lim < len(all) {
		res.NextCursor = strconv.Itoa(off + lim)
	}
	return res, nil
}

func (m *memStore) Review(ctx context.Context, id string, u index.ReviewUpdate) (netra.Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.recs[id]
	if !ok {
		return r, fmt.Errorf("%s: %w", id, netra.ErrNotFound)
	}
	if u.BaseVersion != r.Version {
		return r, &netra.ConflictError{ID: id, Based: u.BaseVersion, Current: r.Version}
	}
	from := r.Review.Status
	if u.Status != nil {
		r.Review.Status = *u.Status
	}
	if u.Note != nil {
		r.Review.Note = *u.Note
	}
	if u.Assignee != nil {
		r.Review.Assignee = *u.Assignee
	}
	r.Review.Reviewer = u.Who
	r.Review.UpdatedAt = time.Now()
	r.Version++
	m.recs[id] = r
	e := netra.AuditEntry{ItemID: id, Who: u.Who, When: time.Now(), From: from, To: r.Review.Status, Version: r.Version}
	if u.Note != nil {
		e.Note = *u.Note
	}
	if u.Assignee != nil {
		e.Assignee = *u.Assignee
	}
	m.audit[id] = append(m.audit[id], e)
	return r, nil
}

func (m *memStore) Audit(ctx context.Context, id string) ([]netra.AuditEntry, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.audit[id]), nil
}

func (m *memStore) Stats(ctx context.Context) (index.Stats, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	st := index.Stats{Records: len(m.recs), ByStatus: map[netra.Status]int{}, Backend: "memory"}
	for _, r := range m.recs {
		if r.Verdict.Flagged {
			st.Flagged++
		}
		st.ByStatus[r.Review.Status]++
	}
	return st, nil
}

func (m *memStore) DeleteByQuery(ctx context.Context, q index.Query) (int, error) { return 0, nil }
func (m *memStore) Close() error                                                  { return nil }
