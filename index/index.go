// Package index defines the Store contract that every storage backend of
// Netra implements (index/bleve embedded, index/elastic for Elasticsearch),
// and the query model reviewers search with. The conformance suite in
// index/indextest checks a backend against these semantics.
package index

import (
	"context"
	"time"

	"github.com/netra-id/netra"
)

// Store keeps records (item + verdict + review) and finds them again.
//
// Semantics every backend must keep (see DESIGN.md):
//   - Upsert is idempotent by Item.ID. Upserting an existing ID replaces item
//     and verdict but keeps the review state and the audit trail.
//   - Review carries the version it was based on and fails with a
//     *netra.ConflictError when the record changed meanwhile.
//   - Every review change is appended to the audit trail.
//   - Records whose Upsert returned survive a crash of the process.
//   - Records whose Upsert returned are visible to Search after Refresh
//     (near-real-time backends make them visible within about a second
//     anyway; the embedded store at once).
type Store interface {
	// Upsert stores records in one batch.
	Upsert(ctx context.Context, recs []netra.Record) error
	// Get returns one record, or an error matching netra.ErrNotFound.
	Get(ctx context.Context, id string) (netra.Record, error)
	// Search runs a query.
	Search(ctx context.Context, q Query) (Result, error)
	// Review applies a review change and returns the updated record.
	Review(ctx context.Context, id string, u ReviewUpdate) (netra.Record, error)
	// Audit returns the audit trail of one item, oldest first.
	Audit(ctx context.Context, id string) ([]netra.AuditEntry, error)
	// Stats returns counts over the whole store.
	Stats(ctx context.Context) (Stats, error)
	// DeleteByQuery removes every record matching q (for retention) and
	// returns how many were removed.
	DeleteByQuery(ctx context.Context, q Query) (int, error)
	// Close releases the store.
	Close() error
}

// Sort orders search results.
type Sort string

// Sort orders. The zero value means SortRelevance when Text is set, otherwise
// SortTimeDesc.
const (
	SortRelevance Sort = "relevance"
	SortScoreDesc Sort = "score" // highest score first
	// SortTimeDesc is newest first: records with a publication date
	// first, by it; then those without one, by ItemTime (fetch time, else
	// when stored). The leading "-" means descending, as in most APIs;
	// before 2026-12 "-time" meant oldest first and "time" newest.
	SortTimeDesc Sort = "-time"
	// SortTimeAsc is oldest first, records without a publication date
	// still last.
	SortTimeAsc Sort = "time"
)

// Facet names that backends must support in Query.Facets.
const (
	FacetCategory = "category"
	FacetRule     = "rule"
	FacetSource   = "source"
	FacetRegion   = "region"
	FacetStatus   = "status"
	// FacetPlace counts Kemendagri place codes (RecordPlaces): a province
	// ("33") counts every record about it or one of its regencies.
	FacetPlace = "place"
	// FacetStory counts story ids (RecordStory): how many matching
	// records each story has.
	FacetStory = "story"
	// FacetReviewer counts who made the last review change (records
	// nobody reviewed have no value).
	FacetReviewer = "reviewer"
)

// Query is a reviewer's search. Empty fields do not filter. Values within one
// list filter are ORed; different filters are ANDed.
type Query struct {
	// Text is the free-text query: words are ANDed by default; "OR" between
	// words, "quoted phrases", and prefix* are supported. Words are
	// normalised and stemmed with the same analyser used at index time, so
	// "mendukung" finds "dukungan".
	Text       string
	Flagged    *bool    // a pointer so "any" (nil) differs from "not flagged"
	MinScore   *float64 // inclusive; nil for no lower bound
	MaxScore   *float64 // inclusive; nil for no upper bound
	Categories []string
	Rules      []string // rule IDs with a hit in the verdict
	Sources    []string
	Regions    []string
	// Places are Kemendagri codes (RecordPlaces): "33" matches records
	// about Jawa Tengah or any of its kabupaten/kota, "33.74" only Kota
	// Semarang.
	Places []string
	// Stories are story ids (RecordStory): the members of those stories.
	Stories   []string
	Statuses  []netra.Status
	Assignees []string
	Reviewers []string // Review.Reviewer: who made the last review change
	IDs       []string
	Since     time.Time // item time >= Since
	Until     time.Time // item time < Until
	Sort      Sort
	Limit     int      // default 20
	Cursor    string   // from Result.NextCursor; opaque
	Facets    []string // Facet* names to count over all matches, not just this page
	Highlight bool     // fill Match.Snippets; off by default because it costs a re-analysis per match
	// TimeBuckets, when it has two or more ascending times, asks for
	// Result.TimeCounts: how many matches have an item time (ItemTime) in
	// [TimeBuckets[i], TimeBuckets[i+1]), counted in the same pass as the
	// search (a dashboard's weeks without a search per week).
	TimeBuckets []time.Time
}

// Result is one page of search results.
type Result struct {
	Total      int                     `json:"total"` // all matches, not just this page
	Matches    []Match                 `json:"matches"`
	Facets     map[string][]FacetCount `json:"facets,omitempty"`
	NextCursor string                  `json:"next_cursor,omitempty"`
	// TimeCounts has one count per bucket of Query.TimeBuckets.
	TimeCounts []int `json:"time_counts,omitempty"`
}

// Match is one record in a result, with highlighted snippets where asked.
// Snippets mark matched words with the Unicode-free markers HighlightPre and
// HighlightPost so callers can escape the text and then turn the markers into
// markup safely.
type Match struct {
	Record    netra.Record `json:"record"`
	Relevance float64      `json:"relevance,omitempty"`
	Snippets  []string     `json:"snippets,omitempty"`
	// Story is set by SearchStories: the story this row stands for.
	Story *StoryGroup `json:"story,omitempty"`
}

// Highlight markers used in Match.Snippets. They are control characters that
// never occur in normalised crawled text, so escaping the snippet first and
// then replacing them with <mark> tags cannot inject markup.
const (
	HighlightPre  = "\x02"
	HighlightPost = "\x03"
)

// FacetCount is one facet value and how many matching records have it.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// ReviewUpdate is one review change. Nil fields are left as they are.
type ReviewUpdate struct {
	Status   *netra.Status
	Note     *string
	Assignee *string
	Who      string // the user making the change; required
	// BaseVersion is the Record.Version the change was based on.
	BaseVersion int64
}

// Stats are whole-store counts.
type Stats struct {
	Records  int                  `json:"records"`
	Flagged  int                  `json:"flagged"`
	ByStatus map[netra.Status]int `json:"by_status"`
	Backend  string               `json:"backend"`
	// Extra holds backend-specific facts (index name, file sizes, spooled
	// records) for operators; callers must not depend on its keys.
	Extra map[string]string `json:"extra,omitempty"`
}

// Analyzer turns text into the normalised, stemmed terms that are indexed
// and searched. The classifier provides the real one (so search and
// classification agree on Indonesian morphology); backends take it as an
// option so this package stays free of classification.
type Analyzer func(text string) []string

// Refresher is a store whose writes become visible to Search only after a
// refresh (Elasticsearch). Bulk loads refresh once at the end instead of
// after every batch.
type Refresher interface {
	Refresh(ctx context.Context) error
}

// Refresh makes what was written to s visible to Search, when s needs that.
func Refresh(ctx context.Context, s any) error {
	if r, ok := s.(Refresher); ok {
		return r.Refresh(ctx)
	}
	return nil
}
