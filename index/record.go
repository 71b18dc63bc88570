package index

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"time"

	"github.com/netra-id/netra"
)

// ItemTime is the time a record sorts and filters by (Query.Since/Until,
// SortTimeDesc): when the item was published, else when it was fetched,
// else when it was indexed.
func ItemTime(r netra.Record) time.Time {
	switch {
	case !r.Item.Published.IsZero():
		return r.Item.Published
	case !r.Item.Fetched.IsZero():
		return r.Item.Fetched
	}
	return r.Indexed
}

// Dated reports whether the record's item has a publication date. Time
// sorts put dated records first, in both directions: an item without one
// (an import without a date column, a page without date metadata) would
// otherwise sort by when it was fetched, and a 2019 story imported today
// would top the "newest" queue.
func Dated(r netra.Record) bool { return !r.Item.Published.IsZero() }

// RecordRules returns the distinct rule IDs of a record's hits, sorted: the
// values of the "rule" filter and facet, which rule health counts
// reviewers' decisions by. An overruled hit (netra.ModeOverruled) counts
// under netra.WordModelRule, not its own rule: that rule had cancelled the
// sentence and only the word model's reading of the article flagged it, so
// a dismissal must not count against the rule, and the word model's own
// flags can be filtered and weighed.
func RecordRules(r netra.Record) []string {
	seen := map[string]bool{}
	var out []string
	for _, h := range r.Verdict.Hits {
		id := h.Rule
		if h.Mode == netra.ModeOverruled {
			id = netra.WordModelRule
		}
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// RecordStatus is the record's review status, with the empty status of a
// record nobody has looked at yet read as StatusNew.
func RecordStatus(r netra.Record) netra.Status {
	if r.Review.Status == "" {
		return netra.StatusNew
	}
	return r.Review.Status
}

// SameContent reports whether two records carry the same item and verdict,
// so re-upserting an unchanged record does not bump its version (and
// invalidate reviews in progress) for nothing. It fails only when a record
// cannot be encoded as JSON.
func SameContent(a, b netra.Record) (bool, error) {
	type content struct {
		I netra.Item
		V netra.Verdict
	}
	// The same instant in another zone is the same content.
	a.Item.Published, a.Item.Fetched = a.Item.Published.UTC(), a.Item.Fetched.UTC()
	b.Item.Published, b.Item.Fetched = b.Item.Published.UTC(), b.Item.Fetched.UTC()
	ja, err := json.Marshal(content{a.Item, a.Verdict})
	if err != nil {
		return false, err
	}
	jb, err := json.Marshal(content{b.Item, b.Verdict})
	if err != nil {
		return false, err
	}
	return bytes.Equal(ja, jb), nil
}

// Meta keys the pipeline's Enrich step fills and the stores index.
const (
	// MetaStory is the id of the story (near-duplicate group, see package
	// story) the item belongs to; RecordStory falls back to the item's id.
	MetaStory = "story"
	// MetaStorySig is the item's MinHash signature (story.Sig as text), kept
	// so a restarted process can rebuild its story index from the store.
	MetaStorySig = "story_sig"
	// MetaPlaces lists the places the text is about as "code name" pairs
	// separated by "; " ("33.74 Kota Semarang; 33 Jawa Tengah").
	MetaPlaces = "places"
)

// RecordStory is the story a record belongs to: Meta[MetaStory], or the
// item's own id when it has none (a story of one). Every record has one, so
// grouping by it never lumps unrelated records together.
func RecordStory(r netra.Record) string {
	if s := r.Item.Meta[MetaStory]; s != "" {
		return s
	}
	return r.Item.ID
}

// RecordPlaces returns the distinct Kemendagri codes of Meta[MetaPlaces],
// sorted, with the province code ("33") of every kabupaten/kota code
// ("33.74") added, so a province filter includes its regencies.
func RecordPlaces(r netra.Record) []string {
	return PlaceCodes(r.Item.Meta[MetaPlaces])
}

// PlaceCodes parses a MetaPlaces value into its codes (see RecordPlaces).
// Entries whose first word is not a dotted code of digits are skipped.
func PlaceCodes(meta string) []string {
	if meta == "" {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	add := func(c string) {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	for _, e := range strings.Split(meta, ";") {
		code, _, _ := strings.Cut(strings.TrimSpace(e), " ")
		if !isPlaceCode(code) {
			continue
		}
		if p, _, ok := strings.Cut(code, "."); ok {
			add(p)
		}
		add(code)
	}
	sort.Strings(out)
	return out
}

// isPlaceCode reports whether c looks like "33" or "33.74".
func isPlaceCode(c string) bool {
	if c == "" || c[0] == '.' || c[len(c)-1] == '.' || len(c) > 16 {
		return false
	}
	for i := 0; i < len(c); i++ {
		if (c[i] < '0' || c[i] > '9') && c[i] != '.' {
			return false
		}
	}
	return true
}
